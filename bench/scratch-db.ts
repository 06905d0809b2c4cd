// A database of its own for a benchmark on the Postgres server DATABASE_URL names (its maintenance
// database): made at the start, dropped at the end whatever happens.
import postgres from "postgres";
import { withDatabase } from "../db/testing/engines";

export async function scratchDatabase(prefix: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const server = process.env.DATABASE_URL;
  if (!server) throw new Error("set DATABASE_URL to a Postgres server");
  const name = `wifi_atlas_bench_${prefix}_${process.pid}`;
  const admin = postgres(server, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  return {
    url: withDatabase(server, name),
    drop: async () => {
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    },
  };
}
