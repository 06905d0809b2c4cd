import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { acquireDataDirLock } from "../../lib/data-dir-lock";
import { headerLine } from "../../lib/standard-data";
import { runCli } from "../../db/testing/cli";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "wifi-atlas-import-"));

const cli = (args: string[], env: Record<string, string> = {}, timeout?: number) =>
  runCli("server/cli/import.ts", args, { PGLITE_DIR: path.join(tmp, "db"), ...env }, timeout);
const JINJU = "db/seed/data/jinju_free_wifi_2016_cp949.csv";
/** The newer release's header, as the standard names its columns. */
const NEWER_HEADER = headerLine("newer");

describe("npm run import", () => {
  it("seeds a fresh embedded database first, so the seeded Jinju file previews as unchanged, in one JSON report", () => {
    const r = cli([JINJU, "--dry-run", "--json"]);
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout) as { committed: boolean; counts: Record<string, number>; issues: unknown[] };
    expect(report.committed).toBe(false);
    expect(report.counts).toEqual({ new: 0, updated: 0, unchanged: 55, duplicate: 55, invalid: 0 });
    // One AP without a position (the terminal), 44 exact and 11 normalised duplicates, each named.
    expect(report.issues).toHaveLength(56);
  }, 90_000);

  it("reports in Korean, counts that add up and findings grouped by kind, unless asked for English", () => {
    const ko = cli([JINJU, "--dry-run"]);
    expect(ko.status).toBe(0);
    expect(ko.stdout.split("\n")).toEqual([
      "jinju_free_wifi_2016_cp949.csv: 110행 · CP949 · 구형 형식",
      "  읽은 110행 = 새 0 + 바뀜 0 + 그대로 55 + 중복 55 + 가져오지 않음 0",
      "  구역(장소): 새로 0곳 · 바뀐 곳 0곳. 한 행이 AP 하나이고, 같은 장소의 행은 한 구역의 AP입니다.",
      "  [위치 없음] 경도가 위도와 같은 행: 위치 없이 가져옴: 1건",
      '    30행, 경도 = "35.1913517": 경도가 위도와 같습니다(위도를 경도 칸에 복사): 위치 없이 가져옵니다 [위치 없음]',
      "  [확인] 앞 행과 칸마다 같은 행: 한 번만 셈: 44건",
      '    57행, 설치장소명 = "문산읍사무소": 2행과 칸마다 같은 행입니다: 한 번만 셉니다 [확인]',
      '    58행, 설치장소명 = "내동면사무소": 3행과 칸마다 같은 행입니다: 한 번만 셉니다 [확인]',
      '    59행, 설치장소명 = "정촌면사무소": 4행과 칸마다 같은 행입니다: 한 번만 셉니다 [확인]',
      "    … 외 41건 (전체는 --json)",
      "  [확인] 표기를 맞추면 앞 행과 같은 행: 한 번만 셈: 11건",
      '    60행, 설치장소명 = "금곡면사무소": 공백·숫자 표기·이름 표기를 맞추면 5행과 같습니다: 한 번만 셉니다 [확인]',
      '    61행, 설치장소명 = "진성면사무소": 공백·숫자 표기·이름 표기를 맞추면 6행과 같습니다: 한 번만 셉니다 [확인]',
      '    66행, 설치장소명 = "집현면사무소": 공백·숫자 표기·이름 표기를 맞추면 11행과 같습니다: 한 번만 셉니다 [확인]',
      "    … 외 8건 (전체는 --json)",
      "  미리보기: 아무것도 쓰지 않았습니다.",
      "",
    ]);
    const en = cli([JINJU, "--dry-run", "--locale", "en"]);
    expect(en.stdout).toContain("110 rows · CP949 · older header");
    expect(en.stdout).toContain("110 rows read = 0 new + 0 changed + 55 unchanged + 55 duplicate + 0 not imported");
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

  it("refuses a renamed column, naming it, and imports the file once --map says what the column is", () => {
    const file = path.join(tmp, "renamed.csv");
    // The file as published, its 설치년월 column renamed.
    const decoded = iconv.decode(fs.readFileSync(JINJU), "cp949").replace("설치년월", "설치일자");
    fs.writeFileSync(file, iconv.encode(decoded, "cp949"));
    const refused = cli([file, "--dry-run"]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('renamed.csv: "설치일자" 열은 표준데이터의 열이 아닙니다.');
    const mapped = cli([file, "--dry-run", "--map", "설치일자=설치년월"]);
    expect(mapped.status).toBe(0);
    expect(mapped.stdout).toContain("읽은 110행 = 새 0 + 바뀜 0 + 그대로 55 + 중복 55");
    const wrong = cli([file, "--dry-run", "--map", "설치일자=설치날짜"]);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain('--map: "설치일자=설치날짜"');
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

  it("imports a file larger than all the memory the process may hold, reading it as a stream", () => {
    // Rows of 10 APs per place, each with a long 설치장소상세 (a floor plan note), about 1.6 KB a row.
    const NOTE = "층별 안내: 민원실 옆 복도 천장 · 회의실 입구 위 · 계단 옆 기둥. ".repeat(12);
    const rows = 72_000;
    const file = path.join(tmp, "wide.csv");
    const out = fs.openSync(file, "w");
    fs.writeSync(out, `${NEWER_HEADER}\n`);
    for (let i = 0; i < rows; i += 1000) {
      const lines = Array.from({ length: 1000 }, (_, k) => {
        const n = i + k;
        const place = Math.floor(n / 10);
        return `${n + 1},진주 넓은행 ${place},${n % 10}층 ${NOTE},경상남도,진주시,관공서,KT,JINJU-${n % 10},2020-01,경상남도 진주시 넓은로 ${place},,진주시청,055-000-0000,${(35.17 + (place % 300) * 1e-4).toFixed(6)},${(128.1 + (place % 200) * 1e-4).toFixed(6)},2026-11-01`;
      });
      fs.writeSync(out, `${lines.join("\n")}\n`);
    }
    fs.closeSync(out);
    const capMb = 72;
    expect(fs.statSync(file).size).toBeGreaterThan(capMb * 2 ** 20);
    const r = cli([file, "--json"], { NODE_OPTIONS: `--max-old-space-size=${capMb}`, IMPORT_MAX_MB: "200" }, 600_000);
    expect([r.status, r.stderr, r.status === 0 ? "" : r.stdout.slice(0, 500)]).toEqual([0, "", ""]);
    const report = JSON.parse(r.stdout) as { committed: boolean; counts: Record<string, number>; sites: Record<string, number> };
    expect(report).toMatchObject({ committed: true, counts: { new: rows, invalid: 0, duplicate: 0 }, sites: { new: rows / 10 } });
  }, 600_000);
});
