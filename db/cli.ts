// Opens the configured database for a command-line script and reports failures as one clear line,
// in the language the command was asked for (Korean unless `--locale en`).
import { parseArgs } from "node:util";
import { readEnv } from "../lib/env";
import { AppError } from "../lib/errors";
import { openPglite, openPostgres, type DbHandle } from "./client";
import { translatorFor, type Translate } from "./messages";

type Options = Record<string, { type: "string" | "boolean"; default?: string | boolean }>;

/**
 * A command's options, and its catalogue in the language of `--locale` (Korean when absent).
 * `wrong` says what is wrong before anything else: an option it does not know ("usage") or a
 * language it does not speak ("locale"), which the command answers in Korean.
 */
export function readCliArgs(options: Options, { positionals = false } = {}) {
  let parsed: { values: Record<string, string | boolean | undefined>; positionals: string[] } | null = null;
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

export async function withCliDb(task: (handle: DbHandle) => Promise<void>, t?: Translate): Promise<void> {
  let handle: DbHandle | undefined;
  try {
    const env = readEnv();
    handle = env.databaseUrl ? openPostgres(env.databaseUrl, { max: 1 }) : await openPglite(env.pgliteDir);
    await task(handle);
  } catch (err) {
    const busy = err instanceof AppError && err.code === "database_busy";
    process.exitCode = busy ? 3 : 1;
    if (busy && t) {
      const { dir, owner } = err.details as { dir: string; owner: { pid: number; command: string; since: string } };
      console.error(t("cli.busy", { dir, pid: owner.pid, command: owner.command, since: owner.since }));
      return;
    }
    const message = err instanceof Error ? err.message : String(err);
    // A failed statement's message carries the whole query: keep the start, and the cause.
    const cause = (err as { cause?: { message?: string } }).cause?.message;
    const shown = message.length > 600 ? `${message.slice(0, 600)}…` : message;
    console.error(t ? t("cli.failed", { message: shown }) : shown);
    if (cause) console.error(`cause: ${cause}`);
  } finally {
    await handle?.close();
  }
}
