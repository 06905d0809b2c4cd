// Failed sign-ins per address and per account, and the refusals they earn: one table every app process shares.
import { inArray, sql } from "drizzle-orm";
import type { Conn } from "../client";
import * as s from "../schema";

/** Failures older than this are forgotten: a day without one starts the count again. */
const QUIET_SECONDS = 24 * 60 * 60;
/** The longest a key is refused for at once. */
const LONGEST_BLOCK_SECONDS = 60 * 60;

/** Until when the first of `keys` that is refused stays refused, or null when none is. */
export async function findSignInBlock(conn: Conn, { keys, now }: { keys: string[]; now: Date }): Promise<Date | null> {
  const rows = await conn.select({ until: s.signInFailures.blockedUntil }).from(s.signInFailures).where(inArray(s.signInFailures.key, keys));
  const until = rows.map((r) => r.until).filter((d): d is Date => d !== null && d > now);
  return until.length ? new Date(Math.max(...until.map((d) => d.getTime()))) : null;
}

/**
 * Counts a failed sign-in for each key. From the `max`-th failure on, the key is refused for
 * `windowSeconds` × 2^(failures − max), at most an hour: each further failure doubles the wait.
 */
export async function recordSignInFailure(
  conn: Conn,
  { keys, now: at, max, windowSeconds }: { keys: string[]; now: Date; max: number; windowSeconds: number },
): Promise<void> {
  // As text: the two drivers take a raw statement's parameters differently, and both take a timestamp's text.
  const now = at.toISOString();
  for (const key of keys) {
    await conn.execute(sql`
      insert into sign_in_failures as f (key, failures, last_at, blocked_until)
      values (${key}, 1, ${now}, case when 1 >= ${max} then ${now}::timestamptz + make_interval(secs => ${windowSeconds}) end)
      on conflict (key) do update set
        failures = case when f.last_at < ${now}::timestamptz - make_interval(secs => ${QUIET_SECONDS}) then 1 else f.failures + 1 end,
        last_at = excluded.last_at,
        blocked_until = case
          when (case when f.last_at < ${now}::timestamptz - make_interval(secs => ${QUIET_SECONDS}) then 1 else f.failures + 1 end) >= ${max}
          then ${now}::timestamptz + make_interval(secs => least(${LONGEST_BLOCK_SECONDS}, ${windowSeconds} * power(2, greatest(0, f.failures + 1 - ${max}))))
        end`);
  }
}

/** Forgets the failures of `keys` (an account that signed in). */
export async function clearSignInFailures(conn: Conn, { keys }: { keys: string[] }): Promise<void> {
  await conn.delete(s.signInFailures).where(inArray(s.signInFailures.key, keys));
}
