import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "../server/database";
import * as s from "./schema";

async function ids() {
  const { db } = await getDb();
  const [site] = await db.select().from(s.sites).limit(1);
  const [bus] = await db.select().from(s.buses).limit(1);
  return { db, site: site!, bus: bus! };
}

/** The database's own error text for a failed statement (drizzle wraps it). */
async function rejection(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    const e = err as { message?: string; cause?: { message?: string; constraint_name?: string; constraint?: string } };
    return `${e.message ?? ""} ${e.cause?.message ?? ""} ${e.cause?.constraint_name ?? e.cause?.constraint ?? ""}`;
  }
  throw new Error("expected the database to refuse the statement");
}

describe("database constraints", () => {
  it("refuses an AP that belongs to both a site and a bus", async () => {
    const { db, site, bus } = await ids();
    const msg = await rejection(
      db.insert(s.accessPoints).values({ municipalityId: site.municipalityId, siteId: site.id, busId: bus.id, status: "active", provenance: "manual" }),
    );
    expect(msg).toContain("access_points_owner_ck");
  });

  it("refuses an AP that belongs to neither", async () => {
    const { db, site } = await ids();
    const msg = await rejection(db.insert(s.accessPoints).values({ municipalityId: site.municipalityId, status: "active", provenance: "manual" }));
    expect(msg).toContain("access_points_owner_ck");
  });

  it("accepts an AP on exactly one site", async () => {
    const { db, site } = await ids();
    const [row] = await db
      .insert(s.accessPoints)
      .values({ municipalityId: site.municipalityId, siteId: site.id, status: "planned", provenance: "manual", serial: "SN-TEST-1" })
      .returning();
    expect(row!.siteId).toBe(site.id);
    await db.delete(s.accessPoints).where(eq(s.accessPoints.id, row!.id));
  });

  it("refuses a duplicate serial number", async () => {
    const { db, site } = await ids();
    const values = { municipalityId: site.municipalityId, siteId: site.id, status: "planned" as const, provenance: "manual" as const, serial: "SN-DUP" };
    await db.insert(s.accessPoints).values(values);
    expect(await rejection(db.insert(s.accessPoints).values(values))).toContain("access_points_serial_uq");
  });

  it("refuses a negative cost on a work item", async () => {
    const { db } = await getDb();
    const [item] = await db.select().from(s.workItems).limit(1);
    expect(await rejection(db.update(s.workItems).set({ plannedCostKrw: -1 }).where(eq(s.workItems.id, item!.id)))).toContain("work_items_cost_ck");
  });

  it("refuses a site with half a position", async () => {
    const { db, site } = await ids();
    expect(await rejection(db.update(s.sites).set({ lat: 35.1, lng: null }).where(eq(s.sites.id, site.id)))).toContain("sites_position_ck");
  });

  it("refuses a work item pointing at a site that does not exist", async () => {
    const { db } = await getDb();
    const [item] = await db.select().from(s.workItems).limit(1);
    expect(await rejection(db.update(s.workItems).set({ siteId: 999_999 }).where(eq(s.workItems.id, item!.id)))).toMatch(/foreign key|work_items_site_id/);
  });
});
