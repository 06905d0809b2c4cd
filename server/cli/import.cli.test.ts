import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { acquireDataDirLock } from "../../lib/data-dir-lock";
import { runCli } from "../../db/testing/cli";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "wifi-atlas-import-"));

const cli = (args: string[], env: Record<string, string> = {}) => runCli("server/cli/import.ts", args, { PGLITE_DIR: path.join(tmp, "db"), ...env });
const JINJU = "db/seed/data/jinju_free_wifi_2016_cp949.csv";

describe("npm run import", () => {
  it("seeds a fresh embedded database first, so the seeded Jinju file previews as unchanged, in one JSON report", () => {
    const r = cli([JINJU, "--dry-run", "--json"]);
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout) as { committed: boolean; counts: Record<string, number>; issues: unknown[] };
    expect(report.committed).toBe(false);
    expect(report.counts).toEqual({ new: 0, updated: 0, unchanged: 55, duplicate: 55, invalid: 0 });
    expect(report.issues).toHaveLength(2);
  }, 90_000);

  it("reports in Korean, row by row, unless asked for English", () => {
    const ko = cli([JINJU, "--dry-run"]);
    expect(ko.status).toBe(0);
    expect(ko.stdout.split("\n")).toEqual([
      "jinju_free_wifi_2016_cp949.csv: 110행 · CP949 · 구형 형식",
      "  새 구역 0 · 바뀐 구역 0 · 그대로 55 · 중복 55 · 오류 행 0",
      '  30행, 경도 = "35.1913517": 경도가 위도와 같습니다(위도를 경도 칸에 복사): 위치 없이 가져옵니다 [위치 없음]',
      '  85행, 경도 = "35.1913517": 경도가 위도와 같습니다(위도를 경도 칸에 복사): 위치 없이 가져옵니다 [위치 없음]',
      "  미리보기: 아무것도 쓰지 않았습니다.",
      "",
    ]);
    const en = cli([JINJU, "--dry-run", "--locale", "en"]);
    expect(en.stdout).toContain("110 rows · CP949 · older header");
    expect(en.stdout).toContain("Unchanged 55 · Duplicates 55");
    expect(en.stdout).toContain("dry run: nothing was written");
  }, 90_000);

  it("refuses a file that is not standard data with exit code 2 and says why, listing the columns it expects", () => {
    const r = cli(["db/seed/data/jinju_traditional_markets_20241104_utf8.csv", "--json"]);
    expect(r.status).toBe(2);
    expect(JSON.parse(r.stdout)).toMatchObject({
      refused: true,
      code: "unknown_format",
      error: expect.stringContaining("jinju_traditional_markets_20241104_utf8.csv: 전국무료와이파이표준데이터 형식이 아닙니다. 필요한 열은 번호, 설치장소명"),
    });
    const en = cli(["package.json", "--locale", "en"]);
    expect(en.status).toBe(2);
    expect(en.stderr).toContain("package.json: not the national free Wi-Fi standard format. Expected the columns 번호, 설치장소명");
  }, 90_000);

  it("refuses a file over the size limit, a bad option and an unknown municipality, each saying what to fix", () => {
    const big = cli([JINJU], { IMPORT_MAX_BYTES: "1000" });
    expect(big.status).toBe(2);
    expect(big.stderr).toContain("jinju_free_wifi_2016_cp949.csv: 25,232바이트로 1,000바이트 제한(IMPORT_MAX_BYTES)보다 큽니다.");
    const option = cli([JINJU, "--commit"]);
    expect(option.status).toBe(2);
    expect(option.stderr).toContain("사용법: npm run import -- <파일>");
    const unknown = cli([JINJU, "--municipality", "99999", "--dry-run", "--locale", "en"]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain("--municipality: no municipality with code 99999");
  }, 90_000);

  it("stops with exit code 3 and says so in Korean while another process has the embedded database", () => {
    const release = acquireDataDirLock(path.join(tmp, "db"));
    try {
      const r = cli([JINJU, "--dry-run"]);
      expect(r.status).toBe(3);
      expect(r.stderr).toContain(`다른 프로세스가 쓰고 있습니다 (pid ${process.pid}`);
      expect(r.stderr).toContain("그 프로세스를 먼저 멈추거나");
    } finally {
      release();
    }
  }, 30_000);
});
