// A command's options and its catalogue in the language of `--locale` (Korean unless `--locale en`).
import { parseArgs } from "node:util";
import { translatorFor } from "../../lib/catalogue";

type Options = Record<string, { type: "string" | "boolean"; default?: string | boolean; multiple?: boolean }>;

/**
 * A command's options, and its catalogue in the language of `--locale` (Korean when absent).
 * `wrong` says what is wrong before anything else: an option it does not know ("usage") or a
 * language it does not speak ("locale"), which the command answers in Korean.
 */
export function readCliArgs(options: Options, { positionals = false } = {}) {
  let parsed: { values: Record<string, string | boolean | (string | boolean)[] | undefined>; positionals: string[] } | null = null;
  try {
    parsed = parseArgs({ options: { ...options, locale: { type: "string", default: "ko" } }, allowPositionals: positionals });
  } catch {
    // An option it does not know: the command answers with its usage line.
  }
  const locale = String(parsed?.values.locale ?? "ko");
  const spoken = locale === "ko" || locale === "en";
  const t = translatorFor(spoken ? locale : "ko");
  const wrong = !parsed ? "usage" : spoken ? null : "locale";
  return { values: parsed?.values ?? {}, positionals: parsed?.positionals ?? [], t, locale, wrong } as const;
}
