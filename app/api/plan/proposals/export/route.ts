// A proposal as a file: `GET /api/plan/proposals/export?format=pdf|xlsx&planYear=…&budgetKrw=…` with the
// same pins and capacities as the proposal on screen (`pinnedIn=1,2`, `pinnedOut=3`, `capacity=7:40`).
import { z } from "zod";
import { route } from "@/server/context";
import { fileResponse } from "@/lib/http";
import { proposalFile } from "@/server/proposals";
import { todayInSeoul } from "@/lib/format";

export const dynamic = "force-dynamic";

const ids = z
  .string()
  .regex(/^-?\d+(,-?\d+)*$/, "expected zone ids separated by commas")
  .transform((v) => v.split(",").map(Number))
  .optional();
const query = z.strictObject({
  format: z.enum(["pdf", "xlsx"]),
  locale: z.enum(["ko", "en"]).default("ko"),
  planYear: z.coerce.number({ error: "expected a year" }).int(),
  budgetKrw: z.coerce.number({ error: "expected an amount" }).int().min(0).max(1e13),
  pinnedIn: ids,
  pinnedOut: ids,
  capacity: z
    .string()
    .regex(/^\d+:\d+(,\d+:\d+)*$/, "expected partner:APs pairs separated by commas")
    .transform((v) =>
      Object.fromEntries(
        v
          .split(",")
          .map((pair) => pair.split(":") as [string, string])
          .map(([k, n]) => [k, Number(n)]),
      ),
    )
    .optional(),
  /** 1: places without Wi-Fi are candidates too. */
  places: z.enum(["1"]).optional(),
  /** The least share (0–1) of zones in the year's target categories. */
  minTargetShare: z.coerce.number().min(0).max(1).optional(),
  municipality: z
    .string()
    .regex(/^\d{5}$/)
    .optional(),
});

const TYPES = { pdf: "application/pdf", xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" } as const;

export const GET = route({ query }, async (ctx, { query: q }) => {
  const today = todayInSeoul();
  const { bytes, title } = await proposalFile(
    ctx,
    {
      planYear: q.planYear,
      budgetKrw: q.budgetKrw,
      pinnedIn: q.pinnedIn,
      pinnedOut: q.pinnedOut,
      partnerCapacity: q.capacity,
      includePlaces: q.places === "1",
      minTargetShare: q.minTargetShare,
    },
    { format: q.format, locale: q.locale, today },
  );
  return fileResponse(bytes, {
    contentType: TYPES[q.format],
    fileName: `${title.replace(/[\\/:*?"<>|\s]+/g, "_")}_${today}.${q.format}`,
    asciiFileName: `proposal-${ctx.municipality.code ?? "x"}-${q.planYear}-${today}.${q.format}`,
  });
});
