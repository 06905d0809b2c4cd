// Reads the national free Wi-Fi standard data (전국무료와이파이표준데이터): detects encoding and header
// variant, normalises spellings, dates and whitespace, validates every row and collapses duplicates.
// Pure: it reports what it finds; what to write is decided elsewhere.
import iconv from "iconv-lite";
import Papa from "papaparse";
import type { SiteCategory } from "./domain";

export type Encoding = "utf-8" | "utf-8-bom" | "utf-16" | "cp949";
export type Variant = "older" | "newer";

/** The column an export that includes estimated records marks them in. */
export const ESTIMATE_COLUMN = "추정";

/** Canonical field → the column names it goes by in the releases of the standard. */
const COLUMNS = {
  ref: ["번호", "관리번호"],
  placeName: ["설치장소명"],
  placeDetail: ["설치장소상세"],
  provinceName: ["설치시도명"],
  municipalityName: ["설치시군구명"],
  category: ["설치시설구분", "설치시설구분명"],
  provider: ["서비스제공사명"],
  ssid: ["와이파이SSID"],
  installed: ["설치년월", "설치연월"],
  roadAddress: ["소재지도로명주소"],
  lotAddress: ["소재지지번주소"],
  managerName: ["관리기관명"],
  managerPhone: ["관리기관전화번호"],
  lat: ["위도", "WGS84위도"],
  lng: ["경도", "WGS84경도"],
  dataDate: ["데이터기준일자"],
  orgCode: ["개방자치단체코드"],
  /** Not the standard's: the column this app adds when an export includes estimates ("추정" on those rows). */
  estimate: [ESTIMATE_COLUMN],
} as const;
export type Field = keyof typeof COLUMNS;
/** Every column name of the standard, in either release. */
const STANDARD_NAMES: string[] = Object.values(COLUMNS).flat();

/** Rows without these cannot be placed: refused row by row. */
const REQUIRED: Field[] = ["placeName", "provinceName", "municipalityName", "lat", "lng"];
/** Columns a file of either release must have: without one, a re-import would wipe what it holds. */
const RELEASE_FIELDS: Field[] = (Object.keys(COLUMNS) as Field[]).filter((f) => !["ref", "orgCode", "estimate"].includes(f));
export const EXPECTED_COLUMNS = {
  older:
    "설치장소명, 설치장소상세, 설치시도명, 설치시군구명, 설치시설구분, 서비스제공사명, 와이파이SSID, 설치년월, 소재지도로명주소, 소재지지번주소, 관리기관명, 관리기관전화번호, 위도, 경도, 데이터기준일자",
  newer:
    "번호, 설치장소명, 설치장소상세, 설치시도명, 설치시군구명, 설치시설구분, 서비스제공사명, 와이파이SSID, 설치연월, 소재지도로명주소, 소재지지번주소, 관리기관명, 관리기관전화번호, WGS84위도, WGS84경도, 데이터기준일자",
};

/** A release's header line as its files write it. */
export const headerLine = (release: keyof typeof EXPECTED_COLUMNS) => EXPECTED_COLUMNS[release].split(", ").join(",");

export class StandardDataError extends Error {
  constructor(
    readonly code: "binary" | "empty" | "unparseable" | "unknown_format" | "bad_feature" | "unknown_column" | "missing_column" | "truncated",
    message: string,
    /** Where it breaks: the line of a CSV (or of a NUL), or a GeoJSON feature's number plus one (as a report counts rows). */
    readonly line?: number,
    /** The columns it is about: an unknown one, or the ones missing. */
    readonly column?: string,
  ) {
    super(message);
  }
}

export const ISSUE_CODES = [
  "required",
  "not_number",
  "lng_equals_lat",
  "swapped",
  "outside_korea",
  "unknown_category",
  "bad_date",
  "duplicate_row",
  "same_after_normalising",
  "field_count",
  "other_municipality",
  "unknown_municipality",
  "ambiguous_municipality",
  "outside_boundary",
] as const;
export type IssueCode = (typeof ISSUE_CODES)[number];

export type Issue = {
  /** 1-based line in the file (the header is line 1). */
  line: number;
  column: string;
  value: string;
  reason: string;
  /** The reason as a code, for the message catalogue; `ref` is the other line or place it names. */
  code: IssueCode;
  ref?: string;
  /** `error`: the row is not imported; `position`: imported without a position until fixed; `warning`: imported as normalised. */
  severity: "error" | "position" | "warning";
};

export type StandardRecord = {
  line: number;
  /**
   * 번호 (관리번호 in some copies): the row's number in its file, 1 to N, renumbered by each edition, so
   * not an identity — except WA-<id>, the 번호 this app gives its own zones when it exports them.
   */
  ref: string | null;
  placeName: string;
  placeDetail: string | null;
  provinceName: string;
  municipalityName: string;
  category: SiteCategory;
  categoryRaw: string | null;
  /** 설치시설구분 as written when the standard does not know it (category `other`): kept as given. */
  categoryGiven: string | null;
  provider: string | null;
  ssid: string | null;
  installYear: number | null;
  installMonth: number | null;
  /** 설치년월 was blank: the install date is unknown (counted once rather than row by row). */
  installBlank: boolean;
  roadAddress: string | null;
  lotAddress: string | null;
  managerName: string | null;
  managerPhone: string | null;
  lat: number | null;
  lng: number | null;
  dataDate: string | null;
  /** The place (the site) the row is an access point of: normalised name + address, within its municipality. */
  siteKey: string;
  /** The access point's identity within its municipality: its place, 설치장소상세 and SSID (and its order among rows that share them). */
  key: string;
};

export type StandardDataReport = {
  encoding: Encoding;
  variant: Variant;
  rows: number;
  records: StandardRecord[];
  /** Records whose 설치년월 is blank: imported with an unknown install date, counted once rather than row by row. */
  blankInstallDates: number;
  /** Their lines (a record's line is its first row's). */
  blankInstallLines: ReadonlySet<number>;
  duplicates: number;
  invalid: number;
  /** Duplicate and refused rows by the 시도 and 시군구 they name, as written: for the counts per municipality. */
  tally: { duplicate: Map<string, number>; invalid: Map<string, number> };
  /** Columns of the release the file does not give (a GeoJSON's missing properties): an import keeps what is stored for them. */
  absent: Field[];
  issues: Issue[];
};

/**
 * Detects the encoding: UTF-16 by its byte-order mark, a UTF-8 BOM, valid UTF-8, or else CP949
 * (EUC-KR's superset). A NUL anywhere in the text (not only its start) means a binary file: refused,
 * naming the line it is on.
 */
export function decode(bytes: Uint8Array): { text: string; encoding: Encoding } {
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? "utf-16le" : bytes[0] === 0xfe && bytes[1] === 0xff ? "utf-16be" : null;
  if (utf16) return { text: refuseNul(new TextDecoder(utf16).decode(bytes.subarray(2))), encoding: "utf-16" };
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    const line = bytes.subarray(0, nul).reduce((n, b) => (b === 0x0a ? n + 1 : n), 1);
    throw new StandardDataError("binary", `This is a binary file, not a CSV text file (a NUL byte on line ${line}).`, line);
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    // A file that says it is UTF-8 stays UTF-8: a bad byte becomes U+FFFD rather than a guess at CP949.
    const body = bytes.subarray(3);
    return { text: strictUtf8(body) ?? new TextDecoder("utf-8").decode(body), encoding: "utf-8-bom" };
  }
  const text = strictUtf8(bytes);
  return text === null ? { text: iconv.decode(Buffer.from(bytes), "cp949"), encoding: "cp949" } : { text, encoding: "utf-8" };
}

/** The file line on which Papa's row `row` (0 = the header) starts, counting quoted line breaks. */
function lineOfRow(text: string, row: number): number {
  // (Papa reads a preview of 0 rows as no preview at all.)
  if (row === 0) return 1;
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: "greedy", preview: row });
  let line = 1;
  for (const cells of parsed.data) line += 1 + cells.reduce((n, c) => n + (c.match(/\n/g)?.length ?? 0), 0);
  return line;
}

/** Decoded text with no NUL in it, or the refusal naming its line. */
function refuseNul(text: string): string {
  const at = text.indexOf("\u0000");
  if (at < 0) return text;
  const line = text.slice(0, at).split("\n").length;
  throw new StandardDataError("binary", `This is a binary file, not a text file (a NUL character on line ${line}).`, line);
}

/** The bytes as UTF-8, or null when they are not valid UTF-8. (The strict decoder is also the fast one.) */
function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

const clean = (v: string | undefined): string => {
  if (!v) return "";
  // Most cells have no run of whitespace to fold: skip the regex for them.
  return /\s\s|[\t\n\r\u00a0\u3000]/.test(v) ? v.replace(/\s+/g, " ").trim() : v.trim();
};
const orNull = (v: string): string | null => (v === "" ? null : v);

const PROVIDERS: [RegExp, string][] = [
  [/^(kt|케이티|kt\s*\(.*\)|올레)$/i, "KT"],
  [/^(lg\s*u\s*\+|lgu\+|lg|엘지유플러스|lg\s*유플러스|lg\s*u\s*플러스)$/i, "LG U+"],
  [/^(skt|sk\s*텔레콤|sk|에스케이텔레콤|sk\s*telecom)$/i, "SK텔레콤"],
  [/^(sk\s*브로드밴드|skb)$/i, "SK브로드밴드"],
];

/** One spelling per provider: "LGU+", "LG U+", "LG" → "LG U+". */
export function normaliseProvider(raw: string): string | null {
  const v = clean(raw);
  if (!v) return null;
  return PROVIDERS.find(([re]) => re.test(v))?.[1] ?? v;
}

const CATEGORIES: [RegExp, SiteCategory][] = [
  [/^관공서$/, "public_office"],
  [/^서민\s*[·.ㆍ・]?\s*복지\s*시설$/, "welfare"],
  [/^편의\s*시설$/, "amenity"],
  [/^교통\s*시설$/, "transport"],
  [/^버스\s*정류(장|소)$/, "bus_stop"],
  [/^문화\s*[·.ㆍ・]?\s*관광(시설)?$/, "culture_tourism"],
  // Other official values of the standard's 설치시설구분 for the same kind of place.
  [/^(관광(지|시설)?|(지역\s*)?문화\s*시설|문화)$/, "culture_tourism"],
  [/^교육\s*시설$/, "education"],
  [/^대학교?$/, "university"],
  [/^전통\s*시장$/, "traditional_market"],
  [/^(보건|의료)\s*(시설)?$/, "health"],
  [/^공원$/, "park"],
  [/^체육\s*시설$/, "sports"],
  [/^(하천|둔치|하천\s*[·.]\s*둔치)$/, "riverside"],
  [/^혁신도시$/, "innovation_city"],
  [/^주민\s*이용\s*시설$/, "resident_facility"],
  [/^기타$/, "other"],
];

/** The category code for a 설치시설구분 value, tolerant of the spellings seen in real files. */
export function normaliseCategory(raw: string): SiteCategory | null {
  const v = clean(raw);
  return CATEGORIES.find(([re]) => re.test(v))?.[1] ?? null;
}

const MONTHS: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };

/**
 * Install date to year and month: "2012-05", "2014-11-30", "201405", "Oct-15", "2014", "2016년 07월 01일",
 * "2013-Sep", "Sep 2013"; blank is unknown.
 */
export function normaliseInstalled(raw: string): { year: number | null; month: number | null } | null {
  const v = clean(raw);
  if (!v) return { year: null, month: null };
  const korean = v.match(/^(\d{4})\s*년\s*(\d{1,2})\s*월(?:\s*(\d{1,2})\s*일)?$/);
  if (korean) {
    const month = Number(korean[2]);
    return month >= 1 && month <= 12 ? { year: Number(korean[1]), month } : null;
  }
  const monthName = (name: string) => MONTHS[name.slice(0, 3).toLowerCase()];
  const yearFirst = v.match(/^(\d{4})[-\s./]([A-Za-z]{3,9})$/);
  if (yearFirst && monthName(yearFirst[2]!)) return { year: Number(yearFirst[1]), month: monthName(yearFirst[2]!)! };
  const monthFirst = v.match(/^([A-Za-z]{3,9})[-\s./,]+(\d{4})$/);
  if (monthFirst && monthName(monthFirst[1]!)) return { year: Number(monthFirst[2]), month: monthName(monthFirst[1]!)! };
  let m = v.match(/^(\d{4})[-./]?(\d{1,2})(?:[-./]?(\d{1,2}))?\.?$/);
  if (m) {
    const month = Number(m[2]);
    return month >= 1 && month <= 12 ? { year: Number(m[1]), month } : null;
  }
  m = v.match(/^(\d{4})년?$/);
  if (m) return { year: Number(m[1]), month: null };
  m = v.match(/^([A-Za-z]{3})-(\d{2})$/);
  if (m && MONTHS[m[1]!.toLowerCase()]) return { year: 2000 + Number(m[2]), month: MONTHS[m[1]!.toLowerCase()]! };
  m = v.match(/^(\d{2})-([A-Za-z]{3})$/);
  if (m && MONTHS[m[2]!.toLowerCase()]) return { year: 2000 + Number(m[1]), month: MONTHS[m[2]!.toLowerCase()]! };
  return null;
}

const KOREA = { minLat: 33, maxLat: 39, minLng: 124, maxLng: 132 };
const inKorea = (lat: number, lng: number) => lat >= KOREA.minLat && lat <= KOREA.maxLat && lng >= KOREA.minLng && lng <= KOREA.maxLng;

/** A header cell as compared: no BOM, no spaces. */
const headerName = (name: string) => name.replace(/^\uFEFF/, "").replace(/\s+/g, "");

/**
 * Maps every column of the header to a field of the standard, by name. A column the standard does not
 * know, a column given twice or a column of the release that is missing refuses the whole file, naming it
 * (with the expected header) — unless `columnMap` says which standard column an unknown name stands for
 * (or "" to leave it out). The older release's trailing empty column is allowed.
 */
function mapHeader(
  header: string[],
  columnMap: Readonly<Record<string, string>> = {},
  { table }: { table: boolean } = { table: true },
): { fields: Map<number, Field>; variant: Variant; absent: Field[] } {
  const fields = new Map<number, Field>();
  const mapped = new Map(Object.entries(columnMap).map(([k, v]) => [headerName(k), headerName(v)]));
  const expected = `Expected the columns ${EXPECTED_COLUMNS.older} (older release) or ${EXPECTED_COLUMNS.newer} (newer release).`;
  const fieldOf = (n: string) => (Object.keys(COLUMNS) as Field[]).find((f) => (COLUMNS[f] as readonly string[]).includes(n));
  const named = header.map((raw) => mapped.get(headerName(raw)) ?? headerName(raw));
  // A header without the standard's own place columns is another kind of file, not a standard file with a stray column.
  const own: Field[] = ["placeName", "provinceName", "municipalityName"];
  if (own.some((f) => !named.some((n) => fieldOf(n) === f))) {
    const lacking = REQUIRED.filter((f) => !named.some((n) => fieldOf(n) === f));
    throw new StandardDataError(
      "unknown_format",
      `Not the national free Wi-Fi standard format: missing ${lacking.map((f) => COLUMNS[f].join(" or ")).join(", ")}. ${expected}`,
    );
  }
  header.forEach((raw, i) => {
    const n = named[i]!;
    if (n === "") return;
    const field = fieldOf(n);
    if (!field) {
      throw new StandardDataError("unknown_column", `Column ${i + 1} "${raw.trim()}" is not a column of the standard. ${expected}`, 1, raw.trim());
    }
    if ([...fields.values()].includes(field)) {
      throw new StandardDataError(
        "unknown_column",
        `Column ${i + 1} "${raw.trim()}" gives ${COLUMNS[field].join(" / ")} a second time. ${expected}`,
        1,
        raw.trim(),
      );
    }
    fields.set(i, field);
  });
  const names = [...fields.values()];
  const variant: Variant = names.includes("ref") || header.some((h) => ["WGS84위도", "설치연월"].includes(headerName(h))) ? "newer" : "older";
  const missing = RELEASE_FIELDS.filter((f) => !names.includes(f));
  // A GeoJSON feature carries the properties it has: one the file never gives is unknown, not blank.
  if (!table) return { fields, variant, absent: missing };
  if (missing.length) {
    const list = missing.map((f) => COLUMNS[f].join(" or ")).join(", ");
    throw new StandardDataError("missing_column", `The file has no ${list} column. ${expected}`, 1, list);
  }
  return { fields, variant, absent: [] };
}

/**
 * A GeoJSON FeatureCollection of points as a table: the properties by the standard's column names,
 * the point's coordinates as WGS84위도/경도 (a feature that is not a point keeps its properties' values).
 * Line numbers in the report count features from 2, like CSV rows after the header.
 */
export function tableFromGeoJson(text: string): string[][] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new StandardDataError("unparseable", `The GeoJSON cannot be read: ${(err as Error).message}.`);
  }
  const fc = json as { type?: unknown; features?: unknown };
  if (fc.type !== "FeatureCollection" || !Array.isArray(fc.features)) {
    throw new StandardDataError("unknown_format", 'Not a GeoJSON FeatureCollection of points: expected { "type": "FeatureCollection", "features": [...] }.');
  }
  // Only the standard's own columns are read, by name: however many other keys the features carry,
  // the table has a fixed width, so reading stays linear in the file.
  type GeoFeature = { geometry?: { type?: string; coordinates?: unknown } | null; properties?: Record<string, unknown> | null };
  const features: GeoFeature[] = fc.features.map((f: unknown, i: number) => {
    if (f === null || typeof f !== "object" || Array.isArray(f)) {
      throw new StandardDataError("bad_feature", `Feature ${i + 1} is not a GeoJSON feature.`, i + 2);
    }
    return f as GeoFeature;
  });
  const seen = new Set<string>();
  for (const f of features) for (const k of STANDARD_NAMES) if (f.properties && typeof f.properties === "object" && k in f.properties) seen.add(k);
  const keys = STANDARD_NAMES.filter((k) => seen.has(k) && !["WGS84위도", "WGS84경도", "위도", "경도"].includes(k));
  const header = [...keys, "WGS84위도", "WGS84경도"];
  // A value is text, a number or a boolean; anything else (an object, however deep) is not a value of the standard.
  const cell = (v: unknown) => (typeof v === "string" ? v : typeof v === "number" || typeof v === "boolean" ? String(v) : "");
  const rows = features.map((f) => {
    const props = f.properties && typeof f.properties === "object" ? f.properties : {};
    const point = f.geometry?.type === "Point" && Array.isArray(f.geometry.coordinates) ? (f.geometry.coordinates as unknown[]) : null;
    const lat = point ? cell(point[1]) : cell(props["WGS84위도"] ?? props["위도"]);
    const lng = point ? cell(point[0]) : cell(props["WGS84경도"] ?? props["경도"]);
    return [...keys.map((k) => cell(props[k])), lat, lng];
  });
  return [header, ...rows];
}

/**
 * Every field of a record after normalisation, as one string: equal strings are the same record. 번호 is
 * left out: it numbers the rows and is not part of what a row says.
 */
function fingerprintOf(r: StandardRecord): string {
  return [
    r.siteKey,
    r.placeName,
    r.provinceName,
    r.municipalityName,
    r.roadAddress,
    r.placeDetail,
    r.category,
    r.categoryRaw,
    r.provider,
    r.ssid,
    r.installYear,
    r.installMonth,
    r.lotAddress,
    r.managerName,
    r.managerPhone,
    r.lat,
    r.lng,
    r.dataDate,
  ].join("\u0001");
}

/** A name or address as compared for identity: no spaces, one case ("진주 시청" and "진주시청" are one place). */
export const identityText = (v: string | null | undefined): string => (v ?? "").replace(/\s+/g, "").toLowerCase();

/** The place a row is an access point of: its normalised name and address (its municipality is the other half). */
export function siteKeyOf(r: { placeName: string; roadAddress: string | null; lotAddress: string | null }): string {
  return `place:${identityText(r.placeName)}|${identityText(r.roadAddress ?? r.lotAddress)}`;
}

/** An access point's identity within its municipality: its place, 설치장소상세 and SSID (both releases alike). */
export function apKeyOf(r: { siteKey: string; placeDetail: string | null; ssid: string | null }): string {
  return `ap:${r.siteKey.slice("place:".length)}|${identityText(r.placeDetail)}|${identityText(r.ssid)}`;
}

/**
 * A column map as "given=standard" pairs (`설치일=설치연월`, `비고=` to leave a column out), checked:
 * the standard name must be one of the standard's columns. Answers the map, or the pair that is wrong.
 */
export function parseColumnMap(pairs: readonly string[]): { map: Record<string, string> } | { wrong: string } {
  const map: Record<string, string> = {};
  for (const pair of pairs) {
    const at = pair.indexOf("=");
    const given = at < 0 ? "" : pair.slice(0, at).trim();
    const standard = at < 0 ? "" : headerName(pair.slice(at + 1));
    if (!given || (standard !== "" && !STANDARD_NAMES.includes(standard))) return { wrong: pair };
    map[given] = standard;
  }
  return { map };
}

/** Every column name of the standard, in either release, for choosing what an unknown column stands for. */
export const STANDARD_COLUMN_NAMES: readonly string[] = STANDARD_NAMES;

/** Reading options: which standard column an unknown header name stands for ("" to leave it out). */
export type ReadOptions = { columnMap?: Readonly<Record<string, string>> };

/**
 * What finding duplicates remembers of the rows read so far. `raw`: the line of an earlier row with
 * the same cells, or undefined (and this one is remembered). `keyed`: under an access point's
 * identity, the line of an earlier record with the same fingerprint, or how many different records
 * came before (and this one is remembered).
 */
export type SeenRows = {
  raw: (text: string, line: number) => number | undefined;
  keyed: (key: string, fingerprint: string, line: number) => { sameAs: number } | { before: number };
};

/** SeenRows that keep the texts themselves: for a file held whole anyway. */
export function seenInMemory(): SeenRows {
  const rawSeen = new Map<string, number>();
  const byKey = new Map<string, { line: number; fingerprint: string }[]>();
  return {
    raw: (text, line) => {
      const at = rawSeen.get(text);
      if (at === undefined) rawSeen.set(text, line);
      return at;
    },
    keyed: (key, fingerprint, line) => {
      const seen = byKey.get(key);
      const same = seen?.find((x) => x.fingerprint === fingerprint);
      if (same) return { sameAs: same.line };
      if (seen) seen.push({ line, fingerprint });
      else byKey.set(key, [{ line, fingerprint }]);
      return { before: seen ? seen.length - 1 : 0 };
    },
  };
}

/**
 * Checks a file's rows one at a time: every row an access point, normalised and checked, duplicates
 * counted, every problem listed. Holds no row once it is read, only what `seen` keeps to find
 * duplicates (an import that streams a national file keeps digests; see lib/standard-stream).
 */
export class RecordReader {
  readonly variant: Variant;
  readonly absent: Field[];
  readonly issues: Issue[] = [];
  /** Rows read, duplicates and refused rows among them. */
  rows = 0;
  duplicates = 0;
  invalid = 0;
  /** Records whose 설치년월 is blank. */
  blankInstallDates = 0;
  /** Rows counted as duplicate or refused, by the 시도 and 시군구 they name (as written). */
  readonly tally = { duplicate: new Map<string, number>(), invalid: new Map<string, number>() };

  private readonly csv: boolean;
  private readonly width: number;
  private readonly minWidth: number;
  private readonly at: Record<Field, number>;
  private readonly columnOf: (f: Field) => string;
  private readonly seen: SeenRows;
  // The same raw values recur across a file (providers, categories, dates): normalise each once.
  private readonly provider = memo(normaliseProvider);
  private readonly categoryOf = memo(normaliseCategory);
  private readonly installedOf = memo(normaliseInstalled);

  /** Maps the header (refusing a file that is not of the standard) and starts counting. */
  constructor(header: string[], { columnMap, csv = true, seen = seenInMemory() }: ReadOptions & { csv?: boolean; seen?: SeenRows } = {}) {
    const { fields, variant, absent } = mapHeader(header, columnMap, { table: csv });
    this.variant = variant;
    this.absent = absent;
    this.csv = csv;
    this.seen = seen;
    this.columnOf = (f: Field) => {
      for (const [i, g] of fields) if (g === f) return header[i]!.replace(/^\uFEFF/, "").trim();
      return f;
    };
    // How many fields a row has: the header's, or without the older release's trailing empty column.
    this.width = header.length;
    let minWidth = header.length;
    while (minWidth > 0 && headerName(header[minWidth - 1]!) === "") minWidth--;
    this.minWidth = minWidth;
    // Where each field sits, looked up once rather than per cell (-1: not in this file).
    const indexOf = new Map<Field, number>();
    for (const [i, g] of fields) if (!indexOf.has(g)) indexOf.set(g, i);
    this.at = Object.fromEntries((Object.keys(COLUMNS) as Field[]).map((f) => [f, indexOf.get(f) ?? -1])) as Record<Field, number>;
  }

  private fitting(cells: string[]): boolean {
    return cells.length >= this.minWidth && (cells.length <= this.width || cells.slice(this.width).every((c) => c.trim() === ""));
  }

  /** A CSV whose last row is short was cut off: refused whole. `cells` is the file's last row, `line` its line. */
  checkLast(cells: string[] | undefined, line: number): void {
    if (!this.csv || !cells || this.fitting(cells)) return;
    throw new StandardDataError(
      "truncated",
      `The last row (line ${line}) has ${cells.length} fields where the header has ${this.minWidth}: the file looks cut off.`,
      line,
    );
  }

  private issue(line: number, f: Field, value: string, code: IssueCode, reason: string, severity: Issue["severity"], ref?: string) {
    this.issues.push({ line, column: this.columnOf(f), value, code, reason, severity, ...(ref ? { ref } : {}) });
  }

  private count(m: Map<string, number>, place: string) {
    m.set(place, (m.get(place) ?? 0) + 1);
  }

  /** The row on `line` as a record, or null when it is a duplicate or refused (counted and listed). */
  read(cells: string[], line: number): StandardRecord | null {
    this.rows++;
    const at = this.at;
    const get = (f: Field) => (at[f] < 0 ? "" : clean(cells[at[f]]));
    const placeName = get("placeName");
    const provinceName = get("provinceName");
    const municipalityName = get("municipalityName");
    const place = `${provinceName} ${municipalityName}`.trim();
    if (this.csv && !this.fitting(cells)) {
      this.issues.push({
        line,
        column: "",
        value: String(cells.length),
        code: "field_count",
        ref: String(this.minWidth),
        reason: `${cells.length} fields where the header has ${this.minWidth}: the row is not imported`,
        severity: "error",
      });
      this.invalid++;
      this.count(this.tally.invalid, place);
      return null;
    }
    // The same row, cell for cell, as an earlier one: a duplicate, counted and named.
    const sameAs = this.seen.raw(cells.join("\u0001"), line);
    if (sameAs !== undefined) {
      this.issue(line, "placeName", placeName, "duplicate_row", `the same row as line ${sameAs}: counted once`, "warning", String(sameAs));
      this.duplicates++;
      this.count(this.tally.duplicate, place);
      return null;
    }
    // 세종, a single-tier city, is published with a blank 시군구: its 시도 names it.
    const singleTier = /^세종/.test(provinceName);
    if (!placeName || !provinceName || (!municipalityName && !singleTier)) {
      if (!placeName) this.issue(line, "placeName", placeName, "required", "required field is empty", "error");
      if (!provinceName) this.issue(line, "provinceName", provinceName, "required", "required field is empty", "error");
      if (!municipalityName && !singleTier) this.issue(line, "municipalityName", municipalityName, "required", "required field is empty", "error");
      this.invalid++;
      this.count(this.tally.invalid, place);
      return null;
    }

    const latRaw = get("lat");
    const lngRaw = get("lng");
    let lat: number | null = Number(latRaw);
    let lng: number | null = Number(lngRaw);
    if (!latRaw || !lngRaw || !Number.isFinite(lat) || !Number.isFinite(lng)) {
      const bad: Field = !latRaw || !Number.isFinite(lat) ? "lat" : "lng";
      this.issue(line, bad, bad === "lat" ? latRaw : lngRaw, "not_number", "not a number: the site is kept without a position", "position");
      lat = lng = null;
    } else if (lat === lng) {
      this.issue(
        line,
        "lng",
        lngRaw,
        "lng_equals_lat",
        "longitude equals latitude (latitude copied into the longitude column): kept without a position",
        "position",
      );
      lat = lng = null;
    } else if (!inKorea(lat, lng) && inKorea(lng, lat)) {
      this.issue(line, "lat", `${lat}, ${lng}`, "swapped", `latitude and longitude look swapped (${lat}, ${lng}): kept without a position`, "position");
      lat = lng = null;
    } else if (!inKorea(lat, lng)) {
      this.issue(line, "lat", `${lat}, ${lng}`, "outside_korea", "outside Korea: kept without a position", "position");
      lat = lng = null;
    }

    const categoryRaw = get("category");
    let category = this.categoryOf(categoryRaw);
    if (!category) {
      if (categoryRaw)
        this.issue(line, "category", categoryRaw, "unknown_category", "not a category of the standard: kept as written, counted as 기타", "warning");
      category = "other";
    }
    const installedRaw = get("installed");
    const installed = this.installedOf(installedRaw);
    if (!installed) this.issue(line, "installed", installedRaw, "bad_date", "not a date: install date left unknown", "warning");

    const record: StandardRecord = {
      line,
      ref: orNull(get("ref")),
      placeName,
      placeDetail: orNull(get("placeDetail")),
      provinceName,
      municipalityName,
      category,
      categoryRaw: orNull(categoryRaw),
      categoryGiven: this.categoryOf(categoryRaw) ? null : orNull(categoryRaw),
      provider: this.provider(get("provider")),
      ssid: orNull(get("ssid")),
      installYear: installed?.year ?? null,
      installMonth: installed?.month ?? null,
      installBlank: !installedRaw,
      roadAddress: orNull(get("roadAddress")),
      lotAddress: orNull(get("lotAddress")),
      managerName: orNull(get("managerName")),
      managerPhone: orNull(get("managerPhone")),
      lat,
      lng,
      dataDate: orNull(get("dataDate")),
      siteKey: "",
      key: "",
    };
    record.siteKey = siteKeyOf(record);
    const key = apKeyOf(record);
    // Rows of one place with a different 설치장소상세 or SSID are its access points; rows that agree on
    // those but differ elsewhere (another position, another date) are further access points of the
    // same spot, told apart by their order. Rows identical once normalised are one access point.
    const seen = this.seen.keyed(key, fingerprintOf(record), line);
    if ("sameAs" in seen) {
      this.issue(
        line,
        "placeName",
        placeName,
        "same_after_normalising",
        `the same as line ${seen.sameAs} once normalised: counted once`,
        "warning",
        String(seen.sameAs),
      );
      this.duplicates++;
      this.count(this.tally.duplicate, place);
      return null;
    }
    record.key = seen.before > 0 ? `${key}#${seen.before + 1}` : key;
    if (record.installBlank) this.blankInstallDates++;
    return record;
  }
}

/** A normaliser that remembers the answers for the values it has seen (up to 10,000 of them). */
function memo<T>(fn: (raw: string) => T): (raw: string) => T {
  const cache = new Map<string, T>();
  return (raw: string) => {
    let v = cache.get(raw);
    if (v === undefined && !cache.has(raw)) {
      v = fn(raw);
      if (cache.size < 10_000) cache.set(raw, v);
    }
    return v as T;
  };
}

/** The error of a CSV that Papa could not read, naming the line `row` (0 = the first row of `text`) starts on. */
export function csvQuotesError(text: string, error: Papa.ParseError, linesBefore = 0): StandardDataError {
  const line = linesBefore + lineOfRow(text, error.row ?? 0);
  if (error.code === "MissingQuotes") {
    return new StandardDataError("truncated", `The file ends inside a quoted field opened on line ${line}: it looks cut off.`, line);
  }
  return new StandardDataError("unparseable", `The CSV cannot be read: line ${line}: ${error.message}.`, line);
}

/** Whether decoded text is GeoJSON rather than CSV: it opens with an object or an array. */
export const looksLikeJson = (text: string): boolean => /^\s*[{[]/.test(text);

/**
 * Reads a whole file held in memory (see db/queries/import for files read as a stream). A file that
 * is cut off (inside a quoted field, or in its last row) is refused whole.
 */
export function readStandardData(bytes: Uint8Array, { columnMap }: ReadOptions = {}): StandardDataReport {
  const { text, encoding } = decode(bytes);
  if (!text.trim()) throw new StandardDataError("empty", "The file is empty.");
  let table: string[][];
  const csv = !looksLikeJson(text);
  if (!csv) {
    table = tableFromGeoJson(text);
  } else {
    const parsed = Papa.parse<string[]>(text, { skipEmptyLines: "greedy" });
    // Papa counts rows from 0 with the header as row 0; the line is where the broken row starts.
    const fatal = parsed.errors.find((e) => e.type === "Quotes");
    if (fatal) throw csvQuotesError(text, fatal);
    table = parsed.data;
  }
  const [header, ...rows] = table;
  if (!header) throw new StandardDataError("empty", "The file is empty.");
  const reader = new RecordReader(header, { columnMap, csv });
  reader.checkLast(rows.at(-1), rows.length + 1);
  const records: StandardRecord[] = [];
  rows.forEach((cells, index) => {
    const record = reader.read(cells, index + 2);
    if (record) records.push(record);
  });
  return {
    encoding,
    variant: reader.variant,
    rows: rows.length,
    records,
    blankInstallDates: reader.blankInstallDates,
    blankInstallLines: new Set(records.filter((r) => r.installBlank).map((r) => r.line)),
    duplicates: reader.duplicates,
    invalid: reader.invalid,
    tally: reader.tally,
    absent: reader.absent,
    issues: reader.issues,
  };
}

/**
 * How far an import has got: reading and checking the file, matching its records against the
 * database, writing, and rebuilding the map grid (large imports only). `done` of `total` records.
 */
export type ImportProgress = { step: "read" | "match" | "write" | "grid"; done: number; total: number };

/** The largest file an import takes, in the app and on the command line: IMPORT_MAX_MB megabytes (50 unless set), or IMPORT_MAX_BYTES exactly. */
export function importMaxBytes(env: Record<string, string | undefined> = process.env): number {
  const fallback = 50 * 1024 * 1024;
  const n = env.IMPORT_MAX_BYTES !== undefined ? Number(env.IMPORT_MAX_BYTES) : Number(env.IMPORT_MAX_MB ?? 50) * 1024 * 1024;
  return Number.isFinite(n) && n > 0 ? Math.floor(n) : fallback;
}

/** The 설치시설구분 label each category is written as (one the importer reads back as the same code). */
export const STANDARD_CATEGORY_LABEL: Record<SiteCategory, string> = {
  public_office: "관공서",
  welfare: "서민·복지시설",
  amenity: "편의시설",
  transport: "교통시설",
  bus_stop: "버스정류장",
  culture_tourism: "문화·관광시설",
  education: "교육시설",
  university: "대학교",
  traditional_market: "전통시장",
  health: "보건시설",
  park: "공원",
  sports: "체육시설",
  riverside: "하천·둔치",
  innovation_city: "혁신도시",
  resident_facility: "주민이용시설",
  other: "기타",
};

/** A record as the export writes it: the same fields the reader produces. */
export type StandardExportRow = Omit<StandardRecord, "line" | "categoryRaw" | "key" | "siteKey" | "installBlank"> & { estimate?: boolean };

/**
 * The rows in the standard's column order: the newer release (with 번호) or the older one (trailing empty
 * column). With `estimates`, a last column (추정) says which rows hold estimates rather than published facts.
 */
export function standardTable(
  rows: StandardExportRow[],
  variant: Variant,
  { estimates = false }: { estimates?: boolean } = {},
): { header: string[]; rows: (string | number | null)[][] } {
  const installed = (r: StandardExportRow) =>
    r.installYear ? (r.installMonth ? `${r.installYear}-${String(r.installMonth).padStart(2, "0")}` : String(r.installYear)) : "";
  const common = (r: StandardExportRow) => [
    r.placeName,
    r.placeDetail,
    r.provinceName,
    r.municipalityName,
    r.categoryGiven ?? STANDARD_CATEGORY_LABEL[r.category],
    r.provider,
    r.ssid,
    installed(r),
    r.roadAddress,
    r.lotAddress,
    r.managerName,
    r.managerPhone,
    r.lat,
    r.lng,
    r.dataDate,
  ];
  const header = [...EXPECTED_COLUMNS[variant].split(", "), ...(estimates ? [ESTIMATE_COLUMN] : [])];
  const marked = (r: StandardExportRow) => (estimates ? [r.estimate ? ESTIMATE_COLUMN : ""] : []);
  if (variant === "newer") return { header, rows: rows.map((r) => [r.ref, ...common(r), ...marked(r)]) };
  return { header: [...header, ""], rows: rows.map((r) => [...common(r), ...marked(r), ""]) };
}
