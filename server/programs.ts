// Programs anywhere: a planner or admin of any municipality starts a program — its years, and the
// partners with their roles under the MOU — and everything built for a plan (candidates, matrix, plan
// page, exports) then works for it.
import { recordChanges } from "../db/queries/audit";
import { findOverlappingPrograms, insertProgram } from "../db/queries/planning";
import { authorize } from "../lib/authz";
import { AppError } from "../lib/errors";
import type { ProgramInput } from "../lib/inputs";
import type { RequestContext } from "./context";

export async function startProgram(ctx: RequestContext, input: ProgramInput) {
  const municipalityId = ctx.municipality.id;
  authorize(ctx.viewer, municipalityId, "editPlan");
  const names = input.partners.map((p) => p.nameKo);
  if (new Set(names).size !== names.length) {
    throw new AppError("bad_request", "A partner is named twice.", { issues: [{ code: "duplicate_partner", path: "partners" }] });
  }
  return ctx.db.transaction(async (tx) => {
    const overlapping = await findOverlappingPrograms(tx, { municipalityId, startYear: input.startYear, endYear: input.endYear });
    if (overlapping.length) {
      throw new AppError("bad_request", `${ctx.municipality.nameKo} already has a program in these years.`, {
        issues: [{ code: "program_overlaps", path: "startYear", params: { program: overlapping[0]!.nameKo } }],
      });
    }
    const { partners: partnerInput, ...program } = input;
    const made = await insertProgram(tx, { municipalityId, program, partners: partnerInput });
    await recordChanges(tx, ctx.actor, [
      {
        action: "create",
        entityType: "program",
        entityId: String(made.program.id),
        municipalityId,
        before: null,
        after: { ...made.program, partners: partnerInput },
      },
      ...made.planYears.map((y) => ({ action: "create" as const, entityType: "plan_year", entityId: String(y.year), municipalityId, before: null, after: y })),
    ]);
    return {
      id: made.program.id,
      nameKo: made.program.nameKo,
      startYear: made.program.startYear,
      endYear: made.program.endYear,
      partners: made.partners.map((p) => p.nameKo),
    };
  });
}
