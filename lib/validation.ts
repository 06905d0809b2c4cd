// Zod's findings as the app's issues (`{ code, path, params }`), for the server's answers and the forms
// that check the same schema in the browser; the catalogue's `issue` namespace words each code.
import type { z } from "zod";
import type { Issue } from "./errors";

/** The value at `path` in what was parsed, if any. */
function valueAt(input: unknown, path: PropertyKey[]): unknown {
  let v = input;
  for (const key of path) v = v !== null && typeof v === "object" ? (Reflect.get(v, key) as unknown) : undefined;
  return v;
}

/** Turns zod's issues into ours: a stable code and the numbers a sentence needs, never zod's English. */
export function issuesOf(error: z.ZodError, input: unknown): Issue[] {
  return error.issues.flatMap((i): Issue[] => {
    if (i.code === "unrecognized_keys") return i.keys.map((k) => ({ code: "unknown", path: [...i.path.map(String), k].join(".") }));
    const path = i.path.map(String).join(".");
    const value = valueAt(input, i.path);
    // Only plain values are echoed back (a sentence may show them); objects stay out.
    const shown = typeof value === "string" || typeof value === "number" || typeof value === "boolean" ? value : undefined;
    const withValue = (params: Record<string, unknown>) => (shown !== undefined ? { ...params, value: shown } : params);
    if (i.code === "invalid_type" && (value === undefined || value === null || value === "" || Number.isNaN(value))) {
      return [{ code: value === undefined || value === "" || Number.isNaN(value) ? "required" : "invalid", path }];
    }
    if (i.code === "too_small") {
      if (i.origin === "string" && Number(i.minimum) === 1) return [{ code: "required", path }];
      return [{ code: i.origin === "string" ? "too_short" : "too_small", path, params: withValue({ minimum: Number(i.minimum) }) }];
    }
    if (i.code === "too_big") return [{ code: i.origin === "string" ? "too_long" : "too_big", path, params: withValue({ maximum: Number(i.maximum) }) }];
    if (i.code === "invalid_value") return [{ code: "not_allowed", path, params: withValue({ allowed: i.values.map(String) }) }];
    if (i.code === "invalid_format") return [{ code: "invalid_format", path, params: withValue({ format: i.format }) }];
    // Our own refinements name their code in the message (e.g. "bbox_order"); others are a wrong kind of value.
    if (i.code === "custom") return [{ code: /^[a-z_]+$/.test(i.message) ? i.message : "invalid", path, params: withValue({}) }];
    return [{ code: "invalid", path, params: withValue({}) }];
  });
}
