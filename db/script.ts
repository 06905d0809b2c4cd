// Opens the configured database for a command-line script (migrate, seed, import, export) and reports
// failures as one clear line, in the language the command was asked for.
import { readEnv } from "../lib/env";
import { AppError } from "../lib/errors";
import type { Translate } from "../lib/catalogue";
import { openPglite, openPostgres, type DbHandle } from "./client";

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
      const { dir, owner } = err.params as { dir: string; owner: { pid: number; command: string; since: string } };
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
