import { eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { extractText, getDocumentProxy } from "unpdf";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/server/database";
import { createUser } from "@/db/queries/users";
import * as s from "@/db/schema";
import { DEMO_USERS } from "@/db/seed/users";
import { testEngine } from "@/db/testing/engines";
import { request, signIn } from "./_testing/http";
import { POST as postCandidate, GET as listCandidates } from "./candidates/route";
import { GET as getPlan } from "./plan/route";
import { POST as postProgram } from "./programs/route";
import { PATCH as patchSite } from "./sites/[id]/route";
import { GET as listWorkItems } from "./work-items/route";
import { GET as getExport } from "./exports/[what]/route";

type Json = Record<string, unknown> & { items?: Record<string, unknown>[]; error?: { code: string; issues?: { code: string; path: string }[] } };
const json = async (res: Response) => ({ status: res.status, body: (await res.json()) as Json });
const GIMHAE = "48250";
const program = {
  nameKo: "김해시 공공와이파이 구축 사업",
  startYear: 2027,
  endYear: 2028,
  partners: [
    { nameKo: "김해시", kind: "city", roles: ["funding"] },
    { nameKo: "KT", kind: "telecom", roles: ["equipment_purchase", "installation"] },
    { nameKo: "가야케이블", kind: "cable_operator", roles: ["line_provision", "line_construction"] },
  ],
};

describe(`programs anywhere, on ${testEngine()}`, () => {
  let planner = "";
  let jinjuPlanner = "";
  beforeAll(async () => {
    const { db } = await getDb();
    const [gimhae] = await db.select().from(s.municipalities).where(eq(s.municipalities.code, GIMHAE));
    await createUser(db, {
      actor: { viewer: null, label: "test", requestId: "programs" },
      municipalityId: gimhae!.id,
      input: { email: "planner@gimhae.example", password: "gimhae-pass-2026", name: "김해 계획", role: "planner", partnerId: null },
    });
    planner = (await signIn("planner@gimhae.example", "gimhae-pass-2026")).cookie;
    const jinju = DEMO_USERS.find((u) => u.role === "planner")!;
    jinjuPlanner = (await signIn(jinju.email, jinju.password)).cookie;
  });

  it("lets a planner of another municipality start a program, then plan in it like Jinju's", async () => {
    const at = (path: string) => `${path}${path.includes("?") ? "&" : "?"}municipality=${GIMHAE}`;
    // Before: no program to plan in.
    expect((await getPlan(request(at("/api/plan"), { cookie: planner }))).status).toBe(404);
    // Jinju's planner has no role in 김해 (another municipality answers 404, as everywhere); the form's
    // mistakes are named field by field.
    expect((await postProgram(request(at("/api/programs"), { body: program, cookie: jinjuPlanner }))).status).toBe(404);
    const bad = await json(await postProgram(request(at("/api/programs"), { body: { ...program, endYear: 2026 }, cookie: planner })));
    expect(bad).toMatchObject({ status: 400, body: { error: { issues: [{ code: "end_before_start", path: "endYear" }] } } });

    const made = await json(await postProgram(request(at("/api/programs"), { body: program, cookie: planner })));
    expect(made).toMatchObject({ status: 201, body: { nameKo: program.nameKo, startYear: 2027, endYear: 2028, partners: ["김해시", "KT", "가야케이블"] } });
    // The same years again are refused.
    const again = await json(await postProgram(request(at("/api/programs"), { body: { ...program, nameKo: "두 번째" }, cookie: planner })));
    expect(again.body.error!.issues![0]).toMatchObject({ code: "program_overlaps", path: "startYear" });

    const plan = await json(await getPlan(request(at("/api/plan"), { cookie: planner })));
    expect(plan.status).toBe(200);
    expect((plan.body.years as { year: number }[]).map((y) => y.year)).toEqual([2027, 2028]);
    // KT serves both municipalities: one company, its own roles in each program.
    const { db } = await getDb();
    expect(await db.select().from(s.partners).where(eq(s.partners.nameKo, "KT"))).toHaveLength(1);

    // A candidate inside 김해 (its outline from the national boundaries), approved: work for all three partners.
    const outside = await json(
      await postCandidate(
        request(at("/api/candidates"), {
          body: { name: "진주에 찍은 점", category: "park", planYear: 2027, plannedApCount: 2, lat: 35.19, lng: 128.08 },
          cookie: planner,
        }),
      ),
    );
    expect(outside.body.error!.issues![0]).toMatchObject({ code: "outside_municipality" });
    const created = await json(
      await postCandidate(
        request(at("/api/candidates"), {
          body: { name: "김해 전통시장", category: "traditional_market", planYear: 2027, plannedApCount: 2, lat: 35.2285, lng: 128.8894 },
          cookie: planner,
        }),
      ),
    );
    expect(created.status).toBe(201);
    const id = created.body.id as number;
    const patch = (body: unknown) =>
      patchSite(request(at(`/api/sites/${id}`), { method: "PATCH", body, cookie: planner }), { params: Promise.resolve({ id: String(id) }) });
    expect((await patch({ version: 1, status: "surveyed" })).status).toBe(200);
    expect((await patch({ version: 2, status: "approved" })).status).toBe(200);
    const work = await json(await listWorkItems(request(at("/api/work-items?year=2027"), { cookie: planner })));
    expect(work.body.items!.map((w) => `${w.partnerNameKo}:${w.kind}`).sort()).toEqual([
      "KT:equipment_purchase",
      "KT:installation",
      "가야케이블:line_construction",
      "가야케이블:line_provision",
      "김해시:funding",
    ]);
    const listed = await json(await listCandidates(request(at("/api/candidates"), { cookie: planner })));
    expect(listed.body.items!.map((c) => c.name)).toEqual(["김해 전통시장"]);
    // Jinju's own plan is untouched.
    const jinjuPlan = await json(await getPlan(request("/api/plan", { cookie: jinjuPlanner })));
    expect((jinjuPlan.body.years as { year: number }[])[0]!.year).toBe(2019);

    // The new program's rollout summary, as a planner of 김해 downloads it: its years, its zone, its partners.
    const download = (format: string) =>
      getExport(request(at(`/api/exports/summary?format=${format}`), { cookie: planner }), { params: Promise.resolve({ what: "summary" }) });
    const csvRes = await download("csv");
    expect(csvRes.status).toBe(200);
    expect(decodeURIComponent(csvRes.headers.get("content-disposition") ?? "")).toContain("김해시_공공와이파이_추진현황_");
    const csv = (await csvRes.text()).replace(/^\uFEFF/, "");
    expect(csv).toContain("2027");
    expect(csv).toContain("2028");
    expect(csv).not.toContain("2019");
    for (const partner of ["김해시", "KT", "가야케이블"]) expect(csv).toContain(partner);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await (await download("xlsx")).arrayBuffer()) as unknown as ArrayBuffer);
    const years = book.getWorksheet("연도별")!;
    expect([years.getRow(3).getCell(1).value, years.getRow(4).getCell(1).value]).toEqual([2027, 2028]);
    const pdf = new Uint8Array(await (await download("pdf")).arrayBuffer());
    const { text } = await extractText(await getDocumentProxy(pdf), { mergePages: true });
    expect(text).toContain("김해시 공공와이파이 구축 사업");
    expect(text).toContain("가야케이블");
  });
});
