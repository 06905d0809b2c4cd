// Opens the configured database for a command-line script and reports failures as one clear line.
import { readEnv } from "../lib/env";
import { AppError } from "../lib/errors";
import { openPglite, openPostgres, type DbHandle } from "./client";

export async function withCliDb(task: (handle: DbHandle) => Promise<void>): Promise<void> {
  let handle: DbHandle | undefined;
  try {
    const env = readEnv();
    handle = env.databaseUrl ? openPostgres(env.databaseUrl, { max: 1 }) : await openPglite(env.pgliteDir);
    await task(handle);
  } catch (err) {
    process.exitCode = err instanceof AppError && err.code === "database_busy" ? 3 : 1;
    const message = err instanceof Error ? err.message : String(err);
    // A failed statement's message carries the whole query: keep the start, and the cause.
    const cause = (err as { cause?: { message?: string } }).cause?.message;
    console.error(message.length > 600 ? `${message.slice(0, 600)}…` : message);
    if (cause) console.error(`cause: ${cause}`);
  } finally {
    await handle?.close();
  }
}
