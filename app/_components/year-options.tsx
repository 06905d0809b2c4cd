// The plan years a year filter offers: those of the municipality's programs.
import { listPlanYears } from "@/db/queries/summary";

export async function yearOptions(): Promise<{ value: string; label: string }[]> {
  return (await listPlanYears({})).map((y) => ({ value: String(y), label: String(y) }));
}
