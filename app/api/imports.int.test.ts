import fs from "node:fs";
import os from "node:os";
import { count, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/server/database";
import * as s from "@/db/schema";
import { DEMO_USERS } from "@/db/seed/users";
import { testEngine } from "@/db/testing/engines";
import { request, signIn } from "./_testing/http";
import { POST as postImport } from "./imports/route";

const cookie = {} as Record<string, string>;
const header =
  "번호,설치장소명,설치장소상세,설치시도명,설치시군구명,설치시설구분,서비스제공사명,와이파이SSID,설치연월,소재지도로명주소,소재지지번주소,관리기관명,관리기관전화번호,WGS84위도,WGS84경도,데이터기준일자";
const row = (n: number, lat = "35.18") =>
  `JJ-${n},시험 장소 ${n},1층,경상남도,진주시,관공서,KT,TEST-${n},2024-05,경상남도 진주시 시험로 ${n},,진주시청,055-000-0000,${lat},128.10,2026-11-01`;
const upload = (text: string, opts: { dryRun?: boolean; name?: string; cookie?: string } = {}) => {
  const form = new FormData();
  form.set("file", new File([new Uint8Array([0xef, 0xbb, 0xbf]), text], opts.name ?? "upload.csv", { type: "text/csv" }));
  if (opts.dryRun) form.set("dryRun", "1");
  return postImport(request("/api/imports", { body: form, cookie: opts.cookie }));
};
const siteCount = async () => (await (await getDb()).db.select({ n: count() }).from(s.sites))[0]!.n;
const auditCount = async () => (await (await getDb()).db.select({ n: sql<number>`count(*)::int` }).from(s.auditEntries))[0]!.n;

describe(`importing from the app on ${testEngine()}`, () => {
  beforeAll(async () => {
    for (const u of DEMO_USERS) cookie[u.role] = (await signIn(u.email, u.password)).cookie;
  });

  it("lets only an admin import: 401 without a session, 403 for the other roles", async () => {
    const text = `${header}\n${row(1)}\n`;
    expect((await upload(text)).status).toBe(401);
    for (const role of ["viewer", "partner", "planner"]) expect((await upload(text, { cookie: cookie[role] })).status, role).toBe(403);
  });

  it("answers 404 for a municipality where the admin has no role", async () => {
    // 김해시 is in the municipality directory from the first start.
    const form = new FormData();
    form.set("file", new File([`${header}\n${row(1)}\n`], "x.csv"));
    form.set("municipality", "48250");
    expect((await postImport(request("/api/imports", { body: form, cookie: cookie.admin }))).status).toBe(404);
  });

  it("previews without writing, then commits the same counts with an audit entry per site", async () => {
    const text = `${header}\n${row(1)}\n${row(2)}\n${row(3, "135.5")}\n`;
    const [sites, audit] = [await siteCount(), await auditCount()];
    const preview = await upload(text, { dryRun: true, cookie: cookie.admin });
    expect(preview.status).toBe(200);
    const p = (await preview.json()) as { counts: Record<string, number>; issues: { line: number; column: string; reason: string }[]; committed: boolean };
    expect(p).toMatchObject({ committed: false, counts: { new: 3, updated: 0, invalid: 0 } });
    expect(p.issues).toContainEqual(expect.objectContaining({ line: 4, column: "WGS84위도" }));
    expect([await siteCount(), await auditCount()]).toEqual([sites, audit]);

    const done = await upload(text, { cookie: cookie.admin });
    expect(done.status).toBe(201);
    expect(await done.json()).toMatchObject({ committed: true, counts: p.counts });
    expect(await siteCount()).toBe(sites + 3);
    // Three zones and their three APs created, and the import itself, all under the admin's name and one request id.
    const entries = await (await getDb()).db.select().from(s.auditEntries).where(eq(s.auditEntries.actor, "admin@jinju.example"));
    expect(entries.map((e) => `${e.action} ${e.entityType}`).sort()).toEqual([
      "create access_point",
      "create access_point",
      "create access_point",
      "create site",
      "create site",
      "create site",
      "import standard_data_import",
    ]);
    expect(new Set(entries.map((e) => e.requestId)).size).toBe(1);

    const again = (await (await upload(text, { cookie: cookie.admin })).json()) as { counts: Record<string, number> };
    expect(again.counts).toMatchObject({ new: 0, unchanged: 3 });
  });

  it("refuses an unknown format, a binary file and an oversize one, writing nothing", async () => {
    const [sites, audit] = [await siteCount(), await auditCount()];
    const unknown = await upload("이름,주소\n가,나\n", { cookie: cookie.admin, name: "other.csv" });
    expect(unknown.status).toBe(422);
    const unknownBody = (await unknown.json()) as { error: { message: string; issues: unknown } };
    expect(unknownBody.error.message).toMatch(/^other\.csv: .*설치장소명/);
    // The reason as a code, for the screen to say in its own language.
    expect(unknownBody.error.issues).toEqual([{ code: "unknown_format", path: "file" }]);
    const broken = await upload(`${header}\n${row(5)}\n"unclosed,quote\n`, { cookie: cookie.admin, name: "broken.csv" });
    expect(broken.status).toBe(422);
    // A quote that never closes runs to the end of the file: the file was cut off.
    expect(((await broken.json()) as { error: { issues: unknown } }).error.issues).toEqual([{ code: "truncated", path: "file", params: { line: 3 } }]);
    const binary = new FormData();
    binary.set("file", new File([fs.readFileSync("app/favicon.ico")], "favicon.ico"));
    expect((await postImport(request("/api/imports", { body: binary, cookie: cookie.admin }))).status).toBe(422);
    process.env.IMPORT_MAX_BYTES = "100";
    try {
      const big = await upload(`${header}\n${row(9)}\n`, { cookie: cookie.admin });
      expect(big.status).toBe(413);
      expect(await big.json()).toMatchObject({ error: { path: "file", issues: [{ code: "too_large", path: "file" }] } });
    } finally {
      delete process.env.IMPORT_MAX_BYTES;
    }
    const none = await postImport(request("/api/imports", { body: new FormData(), cookie: cookie.admin }));
    expect(none.status).toBe(400);
    expect([await siteCount(), await auditCount()]).toEqual([sites, audit]);
  });

  it("leaves no uploaded file behind: after a preview, an import, a refused file, a refused option and a streamed answer", async () => {
    const uploads = () => fs.readdirSync(os.tmpdir()).filter((n) => n.startsWith("wifi-atlas-upload-")).length;
    const before = uploads();
    const text = `${header}\n${row(7001)}\n`;
    expect((await upload(text, { dryRun: true, cookie: cookie.admin })).status).toBe(200);
    expect((await upload(text, { cookie: cookie.admin })).status).toBe(201);
    expect((await upload("이름,주소\n가,나\n", { cookie: cookie.admin })).status).toBe(422);
    const form = new FormData();
    form.set("file", new File([`${header}\n${row(7002)}\n`], "x.csv"));
    form.set("retire", "some");
    expect((await postImport(request("/api/imports", { body: form, cookie: cookie.admin }))).status).toBe(400);
    const streamed = request("/api/imports", {
      body: (() => {
        const f = new FormData();
        f.set("file", new File([`${header}\n${row(7003)}\n`], "y.csv"));
        f.set("dryRun", "1");
        return f;
      })(),
      cookie: cookie.admin,
    });
    streamed.headers.set("accept", "application/x-ndjson");
    const answer = await postImport(streamed);
    expect((await answer.text()).trim().split("\n").at(-1)).toContain('"status":200');
    expect(uploads()).toBe(before);
  });

  it("reports progress line by line when asked for NDJSON, then the same outcome as the JSON answer", async () => {
    // Enough rows for several progress reports: the file is read and checked, matched, then written.
    const rows = Array.from({ length: 3000 }, (_, i) => row(1000 + i, (35.15 + (i % 100) * 0.0005).toFixed(4)));
    const streamed = async (text: string, dryRun: boolean) => {
      const form = new FormData();
      form.set("file", new File([new Uint8Array([0xef, 0xbb, 0xbf]), text], "many.csv", { type: "text/csv" }));
      if (dryRun) form.set("dryRun", "1");
      const req = request("/api/imports", { body: form, cookie: cookie.admin });
      req.headers.set("accept", "application/x-ndjson");
      const res = await postImport(req);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toMatch(/application\/x-ndjson/);
      return (await res.text())
        .trim()
        .split("\n")
        .map(
          (l) =>
            JSON.parse(l) as {
              progress?: { step: string; done: number; total: number };
              result?: { counts: Record<string, number>; committed: boolean };
              status?: number;
              error?: { code: string; message: string };
            },
        );
    };
    const [sites, audit] = [await siteCount(), await auditCount()];
    const text = `${header}\n${rows.join("\n")}\n`;
    const preview = await streamed(text, true);
    const progress = preview.filter((l) => l.progress).map((l) => l.progress!);
    // Reading counts the file's bytes (the rows are not known until the end), then the records are counted.
    const size = 3 + Buffer.byteLength(text);
    expect(progress[0]).toMatchObject({ step: "read", total: size });
    expect(progress.filter((p) => p.step === "read").at(-1)).toEqual({ step: "read", done: size, total: size });
    expect(progress.filter((p) => p.step === "match").at(-1)).toEqual({ step: "match", done: 3000, total: 3000 });
    for (const p of progress) expect(p.done).toBeLessThanOrEqual(p.total);
    const last = preview.at(-1)!;
    expect(last).toMatchObject({ status: 200, result: { committed: false, counts: { new: 3000, invalid: 0 } } });
    expect([await siteCount(), await auditCount()]).toEqual([sites, audit]);

    const commit = await streamed(`${header}\n${rows.join("\n")}\n`, false);
    expect(commit.at(-1)).toMatchObject({ status: 201, result: { committed: true, counts: { new: 3000 } } });
    expect(await siteCount()).toBe(sites + 3000);

    // A file refused after the answer began: the last line is the error, with the status it stands for.
    const refused = await streamed("이름,주소\n가,나\n", true);
    expect(refused.at(-1)).toMatchObject({ status: 422, error: { code: "unprocessable" } });
    expect(refused.at(-1)!.error!.message).toMatch(/^many\.csv: .*설치장소명/);
  });
});
