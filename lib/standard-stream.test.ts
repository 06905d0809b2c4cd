import fs from "node:fs";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { headerLine, readStandardData, StandardDataError, type Encoding } from "./standard-data";
import { bytesSource, DigestTable, isNotUtf8, readAhead, streamRecords } from "./standard-stream";

const JINJU = fs.readFileSync("db/seed/data/jinju_free_wifi_2016_cp949.csv");
/** The newer release's header, as the standard names its columns. */
const HEADER = headerLine("newer");
const row = (n: number, detail = "1층") => `${n},도서관 ${n % 40},${detail},경상남도,진주시,교육시설,KT,Free,2020-01,,,,,35.1${n % 10},128.1,2020-01-01`;
const utf8 = (s: string) => new Uint8Array(Buffer.from(s, "utf8"));

/** A file read the way the importer reads it: streamed in chunks of `chunk` bytes, CP949 on a second try. */
async function streamed(bytes: Uint8Array, chunk: number) {
  const pass = async (encoding: Encoding | "auto") => {
    let used: Encoding = "utf-8";
    const records = [];
    let reader = null;
    for await (const b of streamRecords(bytesSource(bytes, chunk), { encoding, batch: 3, found: (e) => (used = e) })) {
      records.push(...b.records);
      reader = b.reader;
    }
    return { encoding: used, records, issues: reader!.issues, rows: reader!.rows, duplicates: reader!.duplicates, invalid: reader!.invalid };
  };
  try {
    return await pass("auto");
  } catch (err) {
    if (isNotUtf8(err)) return pass("cp949");
    throw err;
  }
}

function whole(bytes: Uint8Array) {
  const r = readStandardData(bytes);
  return { encoding: r.encoding, records: r.records, issues: r.issues, rows: r.rows, duplicates: r.duplicates, invalid: r.invalid };
}

const outcome = async (read: () => unknown) => {
  try {
    return { ok: await read() };
  } catch (err) {
    if (err instanceof StandardDataError) return { refused: { code: err.code, line: err.line, message: err.message } };
    throw err;
  }
};

const quoted = `${HEADER}\n${row(1)}\n"2","시장 ""동문""\n주차장",1층,경상남도,진주시,전통시장,KT,Free,2019-01,,,,,35.19,128.1,2020-01-01\n${row(3)}\n`;
const files: [string, Uint8Array][] = [
  ["the real Jinju file (CP949, 110 rows, duplicates)", JINJU],
  ["the same as UTF-8 with a byte-order mark", new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(iconv.decode(JINJU, "cp949"))])],
  ["the same as UTF-16", new Uint8Array([0xff, 0xfe, ...Buffer.from(iconv.decode(JINJU, "cp949"), "utf16le")])],
  ["CRLF line ends and a quoted field over two lines with doubled quotes", utf8(quoted.replace(/\n(?!주차장)/g, "\r\n"))],
  ["a mostly ASCII file whose only CP949 byte comes late", iconv.encode(`${HEADER}\n${Array.from({ length: 300 }, (_, i) => row(i)).join("\n")}\n`, "cp949")],
  ["a stray quote inside a field, then a quoted field over two lines", utf8(`${HEADER}\n${row(1, '1"층')}\n${row(2, '"2\n층"')}\n${row(3)}\n`)],
  ["a file cut off in its last row", utf8(`${HEADER}\n${row(1)}\n2,도서관,열람실,경상남도,진주`)],
  ["a file cut off inside a quoted field", utf8(`${HEADER}\n${row(1)}\n2,"도서관,열람실,경상남도,진주시\n`)],
  ["a row with too few fields in the middle", utf8(`${HEADER}\n${row(1)}\n2,도서관,열람실\n${row(3)}\n`)],
  ["a NUL on line 202", utf8(`${HEADER}\n${Array.from({ length: 200 }, (_, i) => row(i)).join("\n")}\n2,시청\u0000,,경상남도,진주시\n`)],
  ["an empty file", new Uint8Array()],
  ["blank lines only", utf8("\n\n  \n")],
  ["another format", utf8("name,lat,lon\nx,1,2\n")],
  [
    "GeoJSON",
    utf8(
      JSON.stringify({
        type: "FeatureCollection",
        features: [1, 2, 2].map((i) => ({
          type: "Feature",
          geometry: { type: "Point", coordinates: [128.1, 35.18] },
          properties: { 설치장소명: `장소 ${i}`, 설치시도명: "경상남도", 설치시군구명: "진주시" },
        })),
      }),
    ),
  ],
];

describe("a file read as a stream", () => {
  it.each(files)("reads %s exactly as it reads it whole, however the bytes are cut", async (_, bytes) => {
    const expected = await outcome(() => whole(bytes));
    for (const chunk of [1, 7, 4096]) expect(await outcome(() => streamed(bytes, chunk))).toEqual(expected);
  });

  it("keeps digests rather than rows: two rows differing in one late cell are still two records", async () => {
    const a = row(1).replace(/2020-01-01$/, "2020-01-02");
    const { records, duplicates } = await streamed(utf8(`${HEADER}\n${row(1)}\n${a}\n${row(1)}\n`), 64);
    expect([records.length, duplicates]).toEqual([2, 1]);
    expect(records[1]!.key).toMatch(/#2$/);
  });
});

describe("the digest table the reader keeps", () => {
  it("answers what was kept for each text, and nothing for texts never kept, as it grows", () => {
    const table = new DigestTable();
    for (let i = 0; i < 50_000; i++) table.set(DigestTable.of(`행 ${i}`), i * 3);
    table.set(DigestTable.of("행 7"), 1);
    expect(table.size).toBe(50_000);
    expect([table.get(DigestTable.of("행 0")), table.get(DigestTable.of("행 7")), table.get(DigestTable.of("행 49999"))]).toEqual([0, 1, 149_997]);
    expect(table.get(DigestTable.of("행 50000"))).toBeUndefined();
  });
});

describe("reading the next batch while the one before is written", () => {
  /** A source of three items that logs when each read starts, and whether it was closed. */
  const source = (log: string[], failAt?: number) =>
    (async function* () {
      try {
        for (let i = 1; i <= 3; i++) {
          log.push(`read ${i}`);
          await new Promise((r) => setTimeout(r, 1));
          if (i === failAt) throw new Error(`cannot read ${i}`);
          yield i;
        }
      } finally {
        log.push("closed");
      }
    })();
  const work = async (log: string[], n: number) => {
    log.push(`write ${n} begins`);
    await new Promise((r) => setTimeout(r, 5));
    log.push(`write ${n} ends`);
  };

  it("starts reading the next item before the one before is written, and gives every item in order", async () => {
    const log: string[] = [];
    const seen: number[] = [];
    for await (const n of readAhead(source(log), true)) {
      seen.push(n);
      await work(log, n);
    }
    expect(seen).toEqual([1, 2, 3]);
    expect(log.indexOf("read 2")).toBeLessThan(log.indexOf("write 1 ends"));
    expect(log).toContain("closed");
  });

  it("reads one at a time when not ahead", async () => {
    const log: string[] = [];
    for await (const n of readAhead(source(log), false)) await work(log, n);
    expect(log.indexOf("read 2")).toBeGreaterThan(log.indexOf("write 1 ends"));
  });

  it("throws a failed read where its item is asked for, after the items before it are written", async () => {
    const log: string[] = [];
    const seen: number[] = [];
    await expect(
      (async () => {
        for await (const n of readAhead(source(log, 2), true)) {
          seen.push(n);
          await work(log, n);
        }
      })(),
    ).rejects.toThrow("cannot read 2");
    expect(seen).toEqual([1]);
    expect(log).toContain("write 1 ends");
  });

  it("closes the source when the caller stops early", async () => {
    const log: string[] = [];
    for await (const n of readAhead(source(log), true)) {
      await work(log, n);
      break;
    }
    expect(log.at(-1)).toBe("closed");
    expect(log).not.toContain("read 3");
  });
});
