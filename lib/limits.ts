// The documented maxima of what a user may enter, checked at the edge (README, security section).
// Sums are computed in numeric and fit: e.g. 10,000 zones × 200 APs × the largest unit cost stays
// far below what a bigint (and a JavaScript number, exactly) can hold.
import { z } from "zod";

/** Largest id of a row: Postgres `integer`. A larger one in a URL is a bad request, not a server error. */
export const MAX_ID = 2_147_483_647;
/** Largest amount of money in one field: ₩1조 (a whole program's budget fits). */
export const MAX_KRW = 1_000_000_000_000;
/** Largest unit cost in the planning settings: ₩10억 per AP or per zone. */
export const MAX_UNIT_COST_KRW = 1_000_000_000;
/** Most APs planned for one zone. */
export const MAX_PLANNED_APS = 200;
/** Largest count target of a plan year (buses, zones, APs). */
export const MAX_COUNT_TARGET = 1_000_000;

/** The most rows a list endpoint answers in one page. */
export const MAX_PAGE_SIZE = 500;

// Control characters (NUL among them) never belong in text a person typed; line breaks and tabs
// may stand in longer text. Matching them is the point of these patterns.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
// eslint-disable-next-line no-control-regex
const CONTROL_IN_LINE = /[\u0000-\u001f\u007f]/;
// Characters that show nothing: a name made only of them (and spaces) is blank.
const INVISIBLE = /[\s\u200b-\u200f\u2028-\u202f\u2060-\u206f\ufeff]/g;

/**
 * Text a person entered: trimmed, at most `max` characters, no control characters (`multiline`
 * allows line breaks and tabs), and, when `required`, not blank — spaces and invisible characters
 * alone do not make a name.
 */
export function text({ max, multiline = false, required = false }: { max: number; multiline?: boolean; required?: boolean }) {
  return z
    .string()
    .trim()
    .max(max)
    .superRefine((v, ctx) => {
      if ((multiline ? CONTROL : CONTROL_IN_LINE).test(v)) ctx.addIssue({ code: "custom", message: "control_characters" });
      else if (required && v.replace(INVISIBLE, "") === "") ctx.addIssue({ code: "custom", message: "required" });
    });
}

/** An amount in whole won, never negative, at most `max`. */
export const krw = (max = MAX_KRW) => z.number().int().min(0).max(max);
