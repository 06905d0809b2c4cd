import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { runCli } from "../../db/testing/cli";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "wifi-atlas-export-"));

const cli = (args: string[], env: Record<string, string> = {}) => runCli("server/cli/export.ts", args, { PGLITE_DIR: path.join(tmp, "db"), ...env });

describe("npm run export", () => {
  it("writes every AP of a fresh, seeded database as a Korean CSV that spreadsheets open", () => {
    const out = path.join(tmp, "aps.csv");
    const r = cli(["access-points", "--format", "csv", "--out", out]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`${out}: 415행\n`);
    const text = fs.readFileSync(out, "utf8");
    expect(text.startsWith("\uFEFF번호,SSID,상태,출처 구분,설치 연월,구역,분류,차량번호")).toBe(true);
    const rows = Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true }).data;
    // 113 program zone APs, 247 bus APs, 55 from the 2016 standard data.
    expect(rows).toHaveLength(415);
    expect(rows.filter((x) => x["차량번호"])).toHaveLength(247);
    expect(rows.find((x) => x["구역"] === "진주시외버스터미널")).toMatchObject({ 분류: "교통시설", "출처 구분": "가져온 자료", 위도: "" });
  }, 90_000);

  it("writes the positioned sites as GeoJSON in English", () => {
    const out = path.join(tmp, "sites.geojson");
    const r = cli(["sites", "--format", "geojson", "--out", out, "--locale", "en"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("60 features (8 without a position left out)");
    const fc = JSON.parse(fs.readFileSync(out, "utf8")) as {
      type: string;
      features: { geometry: { coordinates: number[] }; properties: Record<string, unknown> }[];
    };
    expect(fc.type).toBe("FeatureCollection");
    const park = fc.features.find((f) => f.properties.name === "공원구역 (초전공원, 강주연못 등)")!;
    expect(park.geometry.coordinates).toEqual([128.1250555, 35.20888274]);
    expect(park.properties).toMatchObject({ category: "Park", status: "Active", apCount: 9, provenance: "Press release" });
  }, 90_000);

  it("writes the program's zones alone with --source, and names the sources it knows otherwise", () => {
    const out = path.join(tmp, "program-sites.csv");
    const r = cli(["sites", "--format", "csv", "--out", out, "--source", "program"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`${out}: 13행\n`);
    const bad = cli(["sites", "--format", "csv", "--out", out, "--source", "all"]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("--source: 다음 중 하나여야 합니다: program, other");
  }, 90_000);

  it("refuses an unknown export or format with exit code 2, in Korean unless asked for English", () => {
    const budget = cli(["budget", "--format", "csv", "--out", "x"]);
    expect(budget.status).toBe(2);
    expect(budget.stderr).toContain("사용법: npm run export -- <종류> --format <형식> --out <파일>");
    expect(budget.stderr).toContain("summary (csv, xlsx, pdf); access-points (csv, geojson)");
    expect(cli(["summary", "--format", "geojson", "--out", "x"]).stderr).toContain(
      '--format: summary 내보내기는 csv, xlsx, pdf 형식입니다. 받은 값: "geojson"',
    );
    const r = cli(["sites", "--format", "xml", "--out", "x", "--locale", "en"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--format: a sites export comes as csv, geojson, got "xml"');
    // Three command runs: each starts Node and tsx, which takes seconds on a busy machine.
  }, 60_000);

  it("writes the rollout summary as a PDF on a fresh checkout", () => {
    const out = path.join(tmp, "summary.pdf");
    const r = cli(["summary", "--format", "pdf", "--out", out]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`${out}: 24행\n`);
    expect(fs.readFileSync(out).subarray(0, 5).toString()).toBe("%PDF-");
  }, 90_000);
});
