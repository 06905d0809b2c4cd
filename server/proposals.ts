// Proposals for an open plan year: the best set of zones for a budget (lib/proposal), explained, and
// accepting one — its zones approved for the year with their work items, in one transaction.
import * as q from "../db/queries/planning";
import { recordChange } from "../db/queries/audit";
import { authorize } from "../lib/authz";
import type { PoiKind, SiteCategory } from "../lib/domain";
import { AppError, fieldError } from "../lib/errors";
import { dueDateFor, GAP_CATEGORY, plannedWorkFor, type UnitCosts } from "../lib/planning";
import type { Tx } from "../db/client";
import { GUARANTEE, propose, ProposalError, type LeftReason, type ProposalCandidate } from "../lib/proposal";
import type { RequestContext } from "./context";
import { demandAreasOf, dongAt } from "./municipalities";
import { nationalOutline } from "../db/national-outlines";
import { translatorFor } from "../lib/catalogue";
import { asArea, type Area } from "../lib/geo";
import { cellText, intlLocale } from "../lib/format";
import { toPdf, toXlsx, type Table } from "../lib/report-files";
import { approve, checkYear, currentProgram } from "./planning";

export type ProposalRequest = {
  planYear: number;
  budgetKrw: number;
  /** The most APs each installing partner can put up that year, by partner id. */
  partnerCapacity?: Record<string, number>;
  pinnedIn?: number[];
  pinnedOut?: number[];
  /** Also places without Wi-Fi (and no candidate near them), as new zones of PLACE_APS APs. */
  includePlaces?: boolean;
  /** At least this share (0–1) of the chosen zones in the year's target categories. */
  minTargetShare?: number;
};

/** What a chosen zone brings: its 읍면동's residents (if it is the first there), places by kind, its target category. */
export type Covers = {
  dong: string | null;
  voters: number | null;
  places: { kind: PoiKind; count: number }[];
  target: boolean;
  /** A place without Wi-Fi proposed as a new zone (its id is the place's, negative). */
  fromPlace: boolean;
};

/** The APs a zone proposed at a place without Wi-Fi plans for: an assumption, said as such. */
export const PLACE_APS = 2;

/** A planner's proposal for the year, with everything a screen or a file shows of it. */
export async function proposeForYear(ctx: RequestContext, req: ProposalRequest, today: string) {
  authorize(ctx.viewer, ctx.municipality.id, "editPlan");
  const program = await currentProgram(ctx.db, ctx.municipality.id);
  await checkYear(ctx.db, program, req.planYear);
  const [inputs, roles, year] = await Promise.all([
    q.proposalCandidates(ctx.db, { municipalityId: ctx.municipality.id, year: req.planYear, dongs: await demandAreasOf(ctx.db, ctx.municipality) }),
    q.listProgramPartners(ctx.db, { programId: program.id }),
    q.yearTargetsOf(ctx.db, { municipalityId: ctx.municipality.id, year: req.planYear }),
  ]);
  const partnerFor = new Map(roles.map((r) => [r.role, r.partnerId]));
  const partners = new Map(roles.map((r) => [r.partnerId, { id: r.partnerId, nameKo: r.nameKo, nameEn: r.nameEn }]));
  const { weights } = inputs.settings;
  const installer = installerOf(partnerFor);
  const payer = partnerFor.get("funding") ?? installer;
  const costOf = (aps: number) => zoneCost(aps, inputs.settings.unitCosts, partnerFor);

  // A place without Wi-Fi, if asked for, is a candidate too: a zone of PLACE_APS APs there, known by
  // the place's id made negative until accepted (when it becomes a zone).
  const pool = [
    ...inputs.candidates.map((c) => ({ ...c, place: false })),
    ...(req.includePlaces
      ? inputs.places.map((p) => ({
          id: -p.poi.id,
          name: p.poi.name,
          category: p.category,
          plannedApCount: PLACE_APS,
          lat: p.poi.lat,
          lng: p.poi.lng,
          pois: p.pois,
          dong: p.dong,
          target: p.target,
          place: true,
        }))
      : []),
  ];
  const covers = new Map<number, Covers>();
  const candidates: ProposalCandidate[] = pool.map((c) => {
    // The residents part as the score has it for a first zone in its 읍면동; a second zone there adds nothing.
    const residents = c.dong ? Math.round(weights.residents * Math.min(1, c.dong.voters / (c.dong.activeAps + 1) / weights.residentsCap) * 10) / 10 : 0;
    const kinds = new Map<PoiKind, number>();
    for (const p of c.pois) kinds.set(p.kind, (kinds.get(p.kind) ?? 0) + 1);
    covers.set(c.id, {
      dong: c.dong?.name ?? null,
      voters: c.dong?.voters ?? null,
      places: [...kinds].map(([kind, count]) => ({ kind, count })),
      target: c.target,
      fromPlace: c.place,
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
      target: c.target,
    };
  });

  const capacity = Object.fromEntries(Object.entries(req.partnerCapacity ?? {}).map(([k, v]) => [Number(k), v]));
  let proposal;
  try {
    proposal = propose({
      candidates,
      budgetKrw: req.budgetKrw,
      capacity,
      pinnedIn: req.pinnedIn,
      pinnedOut: req.pinnedOut,
      minTargetShare: req.minTargetShare,
    });
  } catch (err) {
    if (err instanceof ProposalError) {
      const path = err.code === "unknown_pin" ? "pinnedIn" : err.code === "pins_over_capacity" ? "partnerCapacity" : "budgetKrw";
      throw fieldError(path, err.code, err.message, { siteIds: err.siteIds });
    }
    throw err;
  }
  const byId = new Map(pool.map((c) => [c.id, c]));
  const zone = (id: number) => ({ name: byId.get(id)!.name, category: byId.get(id)!.category as SiteCategory, lat: byId.get(id)!.lat, lng: byId.get(id)!.lng });
  return {
    planYear: req.planYear,
    budgetKrw: req.budgetKrw,
    dueDate: dueDateFor(req.planYear, today),
    /** The unit costs the zones' costs come from: assumptions, said as such. */
    unitCosts: inputs.settings.unitCosts,
    targets: inputs.targets,
    rule: proposal.rule,
    targetShare: proposal.targetShare,
    guarantee: Math.round(GUARANTEE * 1000) / 1000,
    candidates: candidates.length,
    placeAps: PLACE_APS,
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
      /** The places of interest the chosen zones newly cover, each once, by kind. */
      places: placesCovered(proposal.chosen.map((c) => byId.get(c.siteId)!.pois)),
    },
    curve: proposal.curve,
    /** The year's targets, what is already approved for it, and what it would reach with this proposal (null target: none set). */
    yearTargets: {
      zones: { target: year.targets.zones, planned: year.planned.zones, proposed: proposal.chosen.length },
      accessPoints: {
        target: year.targets.accessPoints,
        planned: year.planned.accessPoints,
        proposed: proposal.chosen.reduce((n, c) => n + byId.get(c.siteId)!.plannedApCount, 0),
      },
      budgetKrw: { target: year.targets.budgetKrw, proposed: proposal.totals.costKrw },
    },
  };
}
export type ProposalView = Awaited<ReturnType<typeof proposeForYear>>;

/** Makes a candidate zone of PLACE_APS APs at a place without Wi-Fi, with its audit entry; its id. */
async function zoneFromPlace(tx: Tx, ctx: RequestContext, { poiId, planYear, programId }: { poiId: number; planYear: number; programId: number }) {
  const poi = await q.findPoiById(tx, { id: poiId });
  if (!poi || poi.municipalityId !== ctx.municipality.id || poi.lat === null || poi.lng === null) {
    throw new AppError("not_found", `No place ${poiId} in this municipality.`, { path: "siteIds" });
  }
  const site = await q.insertSite(tx, {
    values: {
      municipalityId: poi.municipalityId,
      programId,
      name: poi.name,
      category: GAP_CATEGORY[poi.kind],
      planYear,
      plannedApCount: PLACE_APS,
      lat: poi.lat,
      lng: poi.lng,
      dong: (await dongAt(tx, ctx.municipality, { lat: poi.lat, lng: poi.lng })) ?? null,
      status: "candidate",
      provenance: "manual",
      notes: null,
    },
  });
  await recordChange(tx, ctx.actor, {
    action: "create",
    entityType: "site",
    entityId: site.id,
    municipalityId: poi.municipalityId,
    after: { ...site, from: "proposal" },
  });
  return site.id;
}

/** Places covered by a set of zones, each counted once, by kind. */
function placesCovered(lists: readonly (readonly { id: number; kind: PoiKind }[])[]): { kind: PoiKind; count: number }[] {
  const seen = new Map<number, PoiKind>();
  for (const list of lists) for (const p of list) seen.set(p.id, p.kind);
  const byKind = new Map<PoiKind, number>();
  for (const kind of seen.values()) byKind.set(kind, (byKind.get(kind) ?? 0) + 1);
  return [...byKind].map(([kind, count]) => ({ kind, count }));
}

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
    for (const given of siteIds) {
      // A place without Wi-Fi in the proposal becomes a candidate zone first.
      const id = given < 0 ? await zoneFromPlace(tx, ctx, { poiId: -given, planYear, programId: program.id }) : given;
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
  const installer = installerOf(new Map(partners.map((p) => [p.role, p.partnerId])));
  const found = partners.find((p) => p.partnerId === installer);
  return found ? [{ id: found.partnerId, nameKo: found.nameKo, nameEn: found.nameEn }] : [];
}

/** The partner whose AP capacity a proposal's zones use: the one that installs, else the one that supplies the equipment. */
function installerOf(partnerFor: ReadonlyMap<string, number>): number | null {
  return partnerFor.get("installation") ?? partnerFor.get("equipment_purchase") ?? null;
}

// ── files ───────────────────────────────────────────────────────────────────

/**
 * A proposal as a file to hand round: PDF (A4, the chosen zones on the municipality's outline, the curve,
 * then the tables) or XLSX (the same tables, typed, and the curve's points), in the caller's language.
 */
export async function proposalFile(
  ctx: RequestContext,
  req: ProposalRequest,
  { format, locale, today }: { format: "pdf" | "xlsx"; locale: "ko" | "en"; today: string },
) {
  const p = await proposeForYear(ctx, req, today);
  const t = translatorFor(locale);
  const place = locale === "en" && ctx.municipality.nameEn ? ctx.municipality.nameEn : ctx.municipality.nameKo;
  const title = t("proposal.fileTitle", { place, year: p.planYear });
  const left = (why: string) => t(`proposal.left.${why}`);
  const places = (ps: { kind: string; count: number }[]) => ps.map((x) => `${t(`poiKind.${x.kind}`)} ${x.count}`).join(", ");
  const tables: Table[] = [
    {
      name: t("proposal.sheetChosen"),
      title: t("proposal.chosenTitle", { count: p.chosen.length }),
      columns: [
        { header: t("proposal.order"), kind: "number" },
        { header: t("proposal.zone"), kind: "text" },
        { header: t("proposal.dong"), kind: "text" },
        { header: t("proposal.places"), kind: "text" },
        { header: t("proposal.zoneCost"), kind: "krw" },
        { header: t("proposal.zoneGain"), kind: "decimal" },
        { header: t("proposal.lat"), kind: "coordinate" },
        { header: t("proposal.lng"), kind: "coordinate" },
      ],
      rows: p.chosen.map((c) => [c.order, c.name, c.why.dong ?? "", places(c.why.places), c.costKrw, c.gain, c.lat, c.lng]),
      total: [null, t("proposal.total"), "", places(p.totals.places), p.totals.costKrw, p.totals.gain, null, null],
    },
    {
      name: t("proposal.sheetLeft"),
      title: t("proposal.leftTitle", { count: p.left.length }),
      columns: [
        { header: t("proposal.zone"), kind: "text" },
        { header: t("proposal.why"), kind: "text" },
        { header: t("proposal.zoneCost"), kind: "krw" },
        { header: t("proposal.zoneGain"), kind: "decimal" },
      ],
      rows: p.left.map((l) => [l.name, left(l.why), l.costKrw, l.gain]),
    },
    {
      name: t("proposal.sheetPartners"),
      title: t("proposal.partnersTitle"),
      columns: [
        { header: t("proposal.partner"), kind: "text" },
        { header: t("proposal.cost"), kind: "krw" },
        { header: t("proposal.apsInstalled"), kind: "number" },
      ],
      rows: [
        ...p.totals.costByPayer.map((x) => [x.partner?.nameKo ?? "—", x.costKrw, null] as (string | number | null)[]),
        ...p.totals.apsByInstaller.map((x) => [x.partner?.nameKo ?? "—", null, x.aps] as (string | number | null)[]),
      ],
    },
    {
      name: t("proposal.sheetCurve"),
      title: t("proposal.curve"),
      columns: [
        { header: t("proposal.budget"), kind: "krw" },
        { header: t("proposal.gain"), kind: "decimal" },
      ],
      rows: p.curve.map((c) => [c.budgetKrw, c.gain]),
    },
  ];
  if (format === "xlsx") return { bytes: await toXlsx(tables), title, proposal: p };

  const krw = new Intl.NumberFormat(intlLocale(locale), { style: "currency", currency: "KRW" });
  const num = new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 1 });
  const outline = await q.findMunicipalityOutline(ctx.db, { municipalityId: ctx.municipality.id });
  const area = asArea(outline?.boundary) ?? (outline ? nationalOutline(outline.provinceKo, outline.nameKo) : null);
  const bytes = await toPdf({
    title,
    subtitle: [
      t("proposal.fileSubtitle", {
        budget: krw.format(p.budgetKrw),
        cost: krw.format(p.totals.costKrw),
        zones: p.chosen.length,
        residents: num.format(p.totals.residentsCovered),
        date: today,
      }),
      t(`proposal.rule.${p.rule}`),
      t("proposal.assumptions", {
        equipment: krw.format(p.unitCosts.equipmentPerAp),
        installation: krw.format(p.unitCosts.installationPerAp),
        provision: krw.format(p.unitCosts.lineProvisionPerSite),
        construction: krw.format(p.unitCosts.lineConstructionPerSite),
      }),
    ].join(" "),
    figures: [
      { title: t("proposal.mapTitle"), height: 240, draw: (doc, box) => drawZones(doc, box, area, p) },
      { title: t("proposal.curve"), height: 150, draw: (doc, box) => drawCurve(doc, box, p, (n) => krw.format(n)) },
    ],
    tables,
    format: (c, v) => cellText(c, v, locale, ""),
    footer: `${t("proposal.fileTitle", { place, year: p.planYear })} · ${today}`,
  });
  return { bytes, title, proposal: p };
}

/** The chosen zones, numbered, and the candidates left (hollow) on the municipality's outline. */
function drawZones(doc: PDFKit.PDFDocument, box: { x: number; y: number; width: number; height: number }, area: Area | null, p: ProposalView) {
  const pt = (c: readonly number[]): [number, number] => [c[0]!, c[1]!];
  const points = [...p.chosen, ...p.left].map((z) => pt([z.lng, z.lat]));
  const rings = area ? (area.type === "Polygon" ? [area.coordinates] : area.coordinates).flatMap((poly) => poly.map((ring) => ring.map(pt))) : [];
  const all = [...points, ...rings.flat()];
  if (all.length === 0) return;
  const [minX, maxX] = [Math.min(...all.map((c) => c[0])), Math.max(...all.map((c) => c[0]))];
  const [minY, maxY] = [Math.min(...all.map((c) => c[1])), Math.max(...all.map((c) => c[1]))];
  // Degrees of longitude are shorter than of latitude here: scale them by cos(latitude).
  const k = Math.cos((((minY + maxY) / 2) * Math.PI) / 180);
  const scale = Math.min(box.width / Math.max((maxX - minX) * k, 1e-6), box.height / Math.max(maxY - minY, 1e-6)) * 0.95;
  const ox = box.x + (box.width - (maxX - minX) * k * scale) / 2;
  const oy = box.y + (box.height - (maxY - minY) * scale) / 2;
  const at = ([lng, lat]: [number, number]) => [ox + (lng - minX) * k * scale, oy + (maxY - lat) * scale] as const;
  doc.rect(box.x, box.y, box.width, box.height).strokeColor("#e2e8f0").lineWidth(0.5).stroke();
  for (const ring of rings) {
    ring.forEach((c, i) => (i === 0 ? doc.moveTo(...at(c)) : doc.lineTo(...at(c))));
    doc.closePath().strokeColor("#64748b").lineWidth(0.8).stroke();
  }
  for (const z of p.left)
    doc
      .circle(...at([z.lng, z.lat]), 2.5)
      .lineWidth(0.8)
      .strokeColor("#64748b")
      .stroke();
  for (const z of p.chosen) {
    const [x, y] = at([z.lng, z.lat]);
    doc.circle(x, y, 4).fill("#0f766e");
    doc
      .fillColor("#000")
      .fontSize(7)
      .text(String(z.order), x + 5, y - 4, { lineBreak: false });
  }
  doc.fillColor("#000").lineWidth(1);
}

/** Coverage gained against the budget, with the chosen budget marked. */
function drawCurve(doc: PDFKit.PDFDocument, box: { x: number; y: number; width: number; height: number }, p: ProposalView, krw: (n: number) => string) {
  const pad = { l: 36, b: 16 };
  const w = Math.min(box.width, 420) - pad.l;
  const h = box.height - pad.b;
  const maxX = Math.max(1, p.curve.at(-1)?.budgetKrw ?? 1);
  const maxY = Math.max(1, p.totals.gain, ...p.curve.map((c) => c.gain));
  const x = (v: number) => box.x + pad.l + (v / maxX) * w;
  const y = (v: number) => box.y + h - (v / maxY) * h;
  doc
    .moveTo(box.x + pad.l, box.y)
    .lineTo(box.x + pad.l, box.y + h)
    .lineTo(box.x + pad.l + w, box.y + h)
    .strokeColor("#94a3b8")
    .lineWidth(0.8)
    .stroke();
  p.curve.forEach((c, i) => (i === 0 ? doc.moveTo(x(c.budgetKrw), y(c.gain)) : doc.lineTo(x(c.budgetKrw), y(c.gain))));
  doc.strokeColor("#0f766e").lineWidth(1.5).stroke();
  doc
    .moveTo(x(p.budgetKrw), box.y)
    .lineTo(x(p.budgetKrw), box.y + h)
    .dash(3, { space: 2 })
    .strokeColor("#b45309")
    .lineWidth(0.8)
    .stroke()
    .undash();
  doc.circle(x(p.budgetKrw), y(p.totals.gain), 3).fill("#b45309");
  doc.fillColor("#000").fontSize(7);
  doc.text(krw(0), box.x + pad.l - 4, box.y + h + 4, { lineBreak: false });
  doc.text(krw(maxX), box.x + pad.l + w - 60, box.y + h + 4, { width: 60, align: "right", lineBreak: false });
  doc.text(krw(p.budgetKrw), x(p.budgetKrw) - 40, box.y + h + 4, { width: 80, align: "center", lineBreak: false });
  doc.text(String(Math.round(maxY)), box.x, box.y - 2, { width: pad.l - 4, align: "right", lineBreak: false });
  doc.lineWidth(1);
}
