// Proposals for an open plan year: the best set of zones for a budget (lib/proposal), explained, and
// accepting one — its zones approved for the year with their work items, in one transaction.
import * as q from "../db/queries/planning";
import { recordChange } from "../db/queries/audit";
import { authorize } from "../lib/authz";
import type { PoiKind, SiteCategory } from "../lib/domain";
import { AppError, fieldError } from "../lib/errors";
import { dueDateFor, plannedWorkFor, type UnitCosts } from "../lib/planning";
import { GUARANTEE, propose, ProposalError, type LeftReason, type ProposalCandidate } from "../lib/proposal";
import type { RequestContext } from "./context";
import { demandAreasOf } from "./municipalities";
import { approve, checkYear, currentProgram } from "./planning";

export type ProposalRequest = {
  planYear: number;
  budgetKrw: number;
  /** The most APs each installing partner can put up that year, by partner id. */
  partnerCapacity?: Record<string, number>;
  pinnedIn?: number[];
  pinnedOut?: number[];
};

/** What a chosen zone brings: its 읍면동's residents (if it is the first there), places by kind, its target category. */
export type Covers = { dong: string | null; voters: number | null; places: { kind: PoiKind; count: number }[]; target: boolean };

/** A planner's proposal for the year, with everything a screen or a file shows of it. */
export async function proposeForYear(ctx: RequestContext, req: ProposalRequest, today: string) {
  authorize(ctx.viewer, ctx.municipality.id, "editPlan");
  const program = await currentProgram(ctx.db, ctx.municipality.id);
  await ctx.db.transaction((tx) => checkYear(tx, program, req.planYear));
  const [inputs, roles] = await Promise.all([
    q.proposalCandidates(ctx.db, { municipalityId: ctx.municipality.id, year: req.planYear, dongs: await demandAreasOf(ctx.db, ctx.municipality) }),
    q.listProgramPartners(ctx.db, { programId: program.id }),
  ]);
  const partnerFor = new Map(roles.map((r) => [r.role, r.partnerId]));
  const partners = new Map(roles.map((r) => [r.partnerId, { id: r.partnerId, nameKo: r.nameKo, nameEn: r.nameEn }]));
  const { weights } = inputs.settings;
  const installer = partnerFor.get("installation") ?? partnerFor.get("equipment_purchase") ?? null;
  const payer = partnerFor.get("funding") ?? installer;
  const costOf = (aps: number) => zoneCost(aps, inputs.settings.unitCosts, partnerFor);

  const covers = new Map<number, Covers>();
  const candidates: ProposalCandidate[] = inputs.candidates.map((c) => {
    // The residents part as the score has it for a first zone in its 읍면동; a second zone there adds nothing.
    const residents = c.dong ? Math.round(weights.residents * Math.min(1, c.dong.voters / (c.dong.activeAps + 1) / weights.residentsCap) * 10) / 10 : 0;
    const kinds = new Map<PoiKind, number>();
    for (const p of c.pois) kinds.set(p.kind, (kinds.get(p.kind) ?? 0) + 1);
    covers.set(c.id, {
      dong: c.dong?.name ?? null,
      voters: c.dong?.voters ?? null,
      places: [...kinds].map(([kind, count]) => ({ kind, count })),
      target: c.target,
    });
    return {
      siteId: c.id,
      name: c.name,
      costKrw: costOf(c.plannedApCount),
      aps: c.plannedApCount,
      installerId: installer,
      payerId: payer,
      elements: [
        ...(c.dong && residents > 0 ? [{ key: `dong:${c.dong.name}`, weight: residents }] : []),
        ...c.pois.map((p) => ({ key: `poi:${p.id}`, weight: weights.poi[p.kind] })),
        ...(c.target ? [{ key: `target:${c.id}`, weight: weights.priority }] : []),
      ],
      dong: c.dong ? { name: c.dong.name, voters: c.dong.voters } : null,
    };
  });

  const capacity = Object.fromEntries(Object.entries(req.partnerCapacity ?? {}).map(([k, v]) => [Number(k), v]));
  let proposal;
  try {
    proposal = propose({ candidates, budgetKrw: req.budgetKrw, capacity, pinnedIn: req.pinnedIn, pinnedOut: req.pinnedOut });
  } catch (err) {
    if (err instanceof ProposalError) {
      const path = err.code === "unknown_pin" ? "pinnedIn" : err.code === "pins_over_capacity" ? "partnerCapacity" : "budgetKrw";
      throw fieldError(path, err.code, err.message, { siteIds: err.siteIds });
    }
    throw err;
  }
  const byId = new Map(inputs.candidates.map((c) => [c.id, c]));
  const zone = (id: number) => ({ name: byId.get(id)!.name, category: byId.get(id)!.category as SiteCategory, lat: byId.get(id)!.lat, lng: byId.get(id)!.lng });
  return {
    planYear: req.planYear,
    budgetKrw: req.budgetKrw,
    dueDate: dueDateFor(req.planYear, today),
    /** The unit costs the zones' costs come from: assumptions, said as such. */
    unitCosts: inputs.settings.unitCosts,
    targets: inputs.targets,
    rule: proposal.rule,
    guarantee: Math.round(GUARANTEE * 1000) / 1000,
    candidates: candidates.length,
    chosen: proposal.chosen.map((c) => ({ ...c, ...zone(c.siteId), aps: byId.get(c.siteId)!.plannedApCount, why: covers.get(c.siteId)! })),
    left: proposal.left.map((l) => ({ ...l, ...zone(l.siteId), why: l.why as LeftReason })),
    totals: {
      ...proposal.totals,
      costByPayer: proposal.totals.costByPayer.map((p) => ({ ...p, partner: p.partnerId === null ? null : (partners.get(p.partnerId) ?? null) })),
      apsByInstaller: proposal.totals.apsByInstaller.map((p) => ({
        ...p,
        partner: p.partnerId === null ? null : (partners.get(p.partnerId) ?? null),
        capacity: p.partnerId === null ? null : (capacity[p.partnerId] ?? null),
      })),
      /** The chosen zones by the year's target categories, beside the others. */
      inTargets: proposal.chosen.filter((c) => byId.get(c.siteId)!.target).length,
    },
    curve: proposal.curve,
    installers: [...new Set([installer].filter((x): x is number => x !== null))].map((id) => partners.get(id)!),
  };
}
export type ProposalView = Awaited<ReturnType<typeof proposeForYear>>;

/** A zone's planned cost: its work (equipment, installation, lines) at the unit costs, for the kinds the program has a partner for. */
function zoneCost(aps: number, costs: UnitCosts, partnerFor: ReadonlyMap<string, number>): number {
  return plannedWorkFor(aps, costs)
    .filter((w) => partnerFor.has(w.kind))
    .reduce((n, w) => n + (w.plannedCostKrw ?? 0), 0);
}

/**
 * Accepts a proposal: every zone in it becomes approved for the year, with its work items and planned
 * APs, in one transaction with an audit entry each; a zone no longer undecided refuses the whole.
 */
export async function acceptProposal(ctx: RequestContext, { planYear, siteIds }: { planYear: number; siteIds: number[] }, today: string) {
  authorize(ctx.viewer, ctx.municipality.id, "editPlan");
  if (siteIds.length === 0) throw fieldError("siteIds", "empty", "The proposal has no zone to accept.");
  return ctx.db.transaction(async (tx) => {
    const program = await currentProgram(tx, ctx.municipality.id);
    await checkYear(tx, program, planYear);
    const dueDate = dueDateFor(planYear, today);
    const approved: number[] = [];
    for (const id of siteIds) {
      const current = await q.lockSiteById(tx, { id });
      if (!current || current.municipalityId !== ctx.municipality.id)
        throw new AppError("not_found", `No zone ${id} in this municipality.`, { path: "siteIds" });
      if (current.status !== "candidate" && current.status !== "surveyed") {
        throw fieldError("siteIds", "not_undecided", `Zone ${id} (${current.name}) is ${current.status}, no longer a candidate.`, { siteId: id });
      }
      const after = await q.updateSiteById(tx, {
        id,
        set: { status: "approved", planYear, programId: program.id, statusReason: null, version: current.version + 1 },
      });
      await recordChange(tx, ctx.actor, {
        action: "update",
        entityType: "site",
        entityId: id,
        municipalityId: current.municipalityId,
        before: { status: current.status, planYear: current.planYear },
        after: { status: "approved", planYear, by: "proposal" },
      });
      await approve(tx, ctx.actor, after, { programId: program.id, dueDate });
      approved.push(id);
    }
    return { planYear, approved };
  });
}

/** The partners that install for the current program: whose capacity a proposal may be given. */
export async function listInstallers(ctx: RequestContext) {
  authorize(ctx.viewer, ctx.municipality.id, "editPlan");
  const program = await currentProgram(ctx.db, ctx.municipality.id);
  const partners = await q.listProgramPartners(ctx.db, { programId: program.id });
  return partners.filter((p) => p.role === "installation").map((p) => ({ id: p.partnerId, nameKo: p.nameKo, nameEn: p.nameEn }));
}
