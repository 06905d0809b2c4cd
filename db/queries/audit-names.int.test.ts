import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "../../server/database";
import { testEngine } from "../testing/engines";
import * as s from "../schema";
import { listAuditReferenceNames } from "./audit";

describe(`the names the audit trail gives the records its entries refer to, on ${testEngine()}`, () => {
  it("names the municipality's own zones and programs, any partner and 시군구, and nothing of another municipality", async () => {
    const { db } = await getDb();
    const [jinju] = await db.select().from(s.municipalities).where(eq(s.municipalities.code, "48170"));
    const [gimhae] = await db.select().from(s.municipalities).where(eq(s.municipalities.code, "48250"));
    const [own] = await db.select().from(s.sites).where(eq(s.sites.municipalityId, jinju!.id)).limit(1);
    const [other] = await db
      .insert(s.sites)
      .values({ municipalityId: gimhae!.id, name: "김해시청", category: "public_office", status: "candidate", provenance: "manual" })
      .returning();
    const [program] = await db.select().from(s.programs).where(eq(s.programs.municipalityId, jinju!.id));
    const [partner] = await db.select().from(s.partners).limit(1);
    const [someone] = await db.select().from(s.users).limit(1);

    const names = await listAuditReferenceNames(db, {
      municipalityId: jinju!.id,
      ids: {
        site: [own!.id, other!.id, 999_999],
        partner: [partner!.id],
        program: [program!.id],
        municipality: [jinju!.id, gimhae!.id],
        user: [someone!.id, "no-such-user"],
      },
    });
    expect(names.site).toEqual([{ id: own!.id, nameKo: own!.name, nameEn: null }]);
    expect(names.program).toEqual([{ id: program!.id, nameKo: program!.nameKo, nameEn: program!.nameEn }]);
    expect(names.partner).toEqual([{ id: partner!.id, nameKo: partner!.nameKo, nameEn: partner!.nameEn }]);
    expect(names.municipality.map((m) => m.nameEn).sort()).toEqual(["Gimhae-si", "Jinju-si"]);
    expect(names.user).toEqual([{ id: someone!.id, email: someone!.email }]);
    // Nothing asked, nothing read.
    expect(await listAuditReferenceNames(db, { municipalityId: jinju!.id, ids: { site: [], partner: [], program: [], municipality: [], user: [] } })).toEqual({
      site: [],
      partner: [],
      program: [],
      municipality: [],
      user: [],
    });
  });
});
