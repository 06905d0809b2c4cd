// Single-AP edits at the loaded inventory: 1,000 changes of one AP's position each, one statement and
// transaction apiece as an edit from the app is, timed one by one — with the map grid and directory
// tallies kept by their triggers, beside the same edits with the triggers set aside (the floor: what
// the row change alone costs) in the same run. Run against a database loaded by bench/load.ts:
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/wifi_atlas_bench npx tsx bench/ap-edits.ts
import postgres from "postgres";

const EDITS = Number(process.env.EDITS ?? 1000);
const url = process.env.DATABASE_URL;
if (!url) throw new Error("DATABASE_URL: a Postgres database loaded by bench/load.ts");
const q = postgres(url, { max: 1, onnotice: () => {} });

const stats = (ms: number[]) => {
  const s = [...ms].sort((a, b) => a - b);
  const at = (p: number) => +s[Math.min(s.length - 1, Math.floor(p * s.length))]!.toFixed(2);
  return { p50: at(0.5), p95: at(0.95), max: +s.at(-1)!.toFixed(2) };
};
const ids = (await q<{ id: number }[]>`select id from access_points where lat is not null order by random() limit ${EDITS * 2}`).map((r) => r.id);

async function edits(list: number[], withTriggers: boolean) {
  const ms: number[] = [];
  for (const id of list) {
    const t = performance.now();
    await q.begin(async (tx) => {
      // The floor sets the triggers aside for its transaction, as a bulk load does.
      if (!withTriggers) await tx`select set_config('wifi_atlas.bulk_load', 'on', true)`;
      await tx`update access_points set lat = lat + 0.0003, lng = lng - 0.0002, version = version + 1, updated_at = now() where id = ${id}`;
    });
    ms.push(performance.now() - t);
  }
  return stats(ms);
}

const floor = await edits(ids.slice(0, EDITS), false);
const kept = await edits(ids.slice(EDITS), true);
const [row] = await q<{ n: number }[]>`select count(*)::int as n from access_points`;
console.log(JSON.stringify({ aps: row!.n, edits: EDITS, withTriggers: kept, floor, p95Ratio: +(kept.p95 / floor.p95).toFixed(1) }, null, 2));
await q.end();
