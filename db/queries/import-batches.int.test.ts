import { and, count, eq, like, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { headerLine } from "../../lib/standard-data";
import { getDb } from "../../server/database";
import * as s from "../schema";
import { testEngine } from "../testing/engines";
import { importStandardData, type ImportSummary } from "./import";

/** The newer release's header, as the standard names its columns. */
const HEADER = headerLine("newer");
const row = (place: string, detail: string, { lat = "35.0030", lng = "128.0640", ssid = "SC-FREE", date = "2020-01-01", municipality = "사천시" } = {}) =>
  `0,사천 ${place},${detail},경상남도,${municipality},관공서,KT,${ssid},2019-01,경상남도 사천시 ${place}로 1,,사천시청,,${lat},${lng},${date}`;

// A file whose places are spread over it, so that batches of four rows cut through them: 도서관's first
// row has no position and a later one does; duplicates of both kinds fall in later batches than
// their originals; one row names a municipality nobody knows.
const FILE = [
  row("도서관", "1층", { lat: "", lng: "" }),
  row("시청", "1층"),
  row("체육관", "1층", { lat: "35.0100" }),
  row("도서관", "2층", { lat: "35.0050", lng: "128.0700" }),
  row("시청", "1층"),
  row("보건소", "1층", { lat: "35.0200" }),
  row("도서관", "3층", { lat: "35.0060", lng: "128.0710" }),
  row("시청", " 1층 "),
  row("공원", "1층", { lat: "35.0300" }),
  row("체육관", "2층", { lat: "35.0110" }),
  row("역", "1층", { municipality: "없는시" }),
  row("도서관", "1층", { lat: "", lng: "", date: "2020-02-01" }),
  row("시장", "1층", { lat: "35.0400" }),
];
const csv = (rows: string[]) => new Uint8Array(Buffer.from(`${HEADER}\n${rows.join("\n")}\n`));

const run = async (rows: string[], batch: number, dryRun: boolean): Promise<ImportSummary> =>
  importStandardData((await getDb()).db, { bytes: csv(rows), dryRun, batch, actor: "test" });
/** What a planner reads of an import: everything but whether it was written. */
const reading = ({ committed: _, ...rest }: ImportSummary) => rest;

describe(`an import planned and written in batches on ${testEngine()}`, () => {
  it("reports and writes what the whole file at once would, however the batches cut its places", async () => {
    const whole = await run(FILE, 1000, true);
    expect(whole.counts).toEqual({ new: 10, updated: 0, unchanged: 0, duplicate: 2, invalid: 1 });
    expect(whole.sites.new).toBe(6);
    for (const batch of [1, 4]) expect(reading(await run(FILE, batch, true))).toEqual(reading(whole));

    const written = await run(FILE, 4, false);
    expect(reading(written)).toEqual(reading(whole));
    const { db } = await getDb();
    const [library] = await db.select().from(s.sites).where(eq(s.sites.name, "사천 도서관"));
    // The zone takes the first position any of its rows gives, and counts all four of its APs.
    expect(library).toMatchObject({ lat: 35.005, lng: 128.07, plannedApCount: 4 });
    const aps = await db.select({ n: count() }).from(s.accessPoints).where(eq(s.accessPoints.siteId, library!.id));
    expect(aps[0]!.n).toBe(4);
    const [sites] = await db.select({ n: count() }).from(s.sites).where(like(s.sites.name, "사천 %"));
    expect(sites!.n).toBe(6);
    const created = await db
      .select({ n: count() })
      .from(s.auditEntries)
      .where(
        and(eq(s.auditEntries.action, "create"), eq(s.auditEntries.entityType, "access_point"), eq(s.auditEntries.municipalityId, library!.municipalityId)),
      );
    expect(created[0]!.n).toBe(10);

    // The same file again, in batches: nothing new, nothing changed.
    expect((await run(FILE, 4, false)).counts).toEqual({ new: 0, updated: 0, unchanged: 10, duplicate: 2, invalid: 1 });

    // A corrected edition: one date corrected in a later batch, a zone moved, a floor added at a known place.
    const next = [...FILE.slice(0, 6), row("도서관", "3층", { lat: "35.0060", lng: "128.0710", date: "2021-01-01" }), ...FILE.slice(7), row("시청", "2층")];
    next[2] = row("체육관", "1층", { lat: "35.0105" });
    const plannedWhole = await run(next, 1000, true);
    expect(plannedWhole.counts).toEqual({ new: 1, updated: 2, unchanged: 8, duplicate: 2, invalid: 1 });
    expect(reading(await run(next, 4, true))).toEqual(reading(plannedWhole));
    expect(reading(await run(next, 4, false))).toEqual(reading(plannedWhole));
    expect((await run(next, 3, true)).counts).toEqual({ new: 0, updated: 0, unchanged: 11, duplicate: 2, invalid: 1 });
  });

  it("leaves the data as it was when the database refuses a later batch", async () => {
    const { db } = await getDb();
    const tally = async () => ({
      sites: (await db.select({ n: count() }).from(s.sites))[0]!.n,
      aps: (await db.select({ n: count() }).from(s.accessPoints))[0]!.n,
      audit: (await db.select({ n: count() }).from(s.auditEntries))[0]!.n,
    });
    const before = await tally();
    // The database refuses one AP of the third batch of four: the first two are written by then.
    await db.execute(sql`create function refuse_broken_ap() returns trigger language plpgsql as $$
      begin if new.ssid = 'BROKEN' then raise exception 'refused for the test'; end if; return new; end $$`);
    await db.execute(sql`create trigger refuse_broken_ap before insert on access_points for each row execute function refuse_broken_ap()`);
    try {
      const rows = [...FILE.map((r) => r.replace("사천 ", "고성 ")), row("항구", "1층", { lat: "35.0500" })];
      rows[9] = row("부두", "1층", { ssid: "BROKEN", lat: "35.0600" });
      const failed = await run(rows, 4, false).then(
        () => null,
        (err: Error) => err,
      );
      // The database's own refusal comes back.
      expect((failed?.cause as Error | undefined)?.message).toMatch(/refused for the test/);
    } finally {
      await db.execute(sql`drop trigger refuse_broken_ap on access_points`);
      await db.execute(sql`drop function refuse_broken_ap()`);
    }
    expect(await tally()).toEqual(before);
  });
});
