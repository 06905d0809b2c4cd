// The plan years a year filter offers: those of the municipality's programs.
import { pageContext } from "@/server/page-context";
import { listPlanYears } from "@/server/summary";

export async function yearOptions(): Promise<{ value: string; label: string }[]> {
  return (await listPlanYears(await pageContext())).map((y) => ({ value: String(y), label: String(y) }));
}
