// Matching a file's 시도 and 시군구 as people write them to the directory of Korea's 250 시군구
// (MOIS codes, 2022): short and old 시도 names ("경남", "강원"), a one-letter slip ("겅상남도"),
// spaces ("수원시 장안구" and "수원시장안구"), an office for its 시군구 ("시흥시청", "동구청"),
// a 구 without its city ("의창구"), 세종 with a blank 시군구 (the single-tier city is published so),
// and a city divided into 구 written without its 구 ("수원시": the caller picks the 구 by position).
// What cannot be matched is said so, never given a made-up municipality.

export type DirectoryEntry = { code: string; sidoCode: string; sido: string; name: string };

export type Match =
  | { kind: "match"; entry: DirectoryEntry }
  /** A city divided into 구, written without its 구: one of these, by the row's position. */
  | { kind: "choose"; among: DirectoryEntry[] }
  | { kind: "none"; reason: "unknown_province" | "unknown_municipality" };

/** Other names files use for each 시도 (by its MOIS code's first two digits). */
const SIDO_ALIASES: Record<string, string[]> = {
  "11": ["서울", "서울시"],
  "26": ["부산", "부산시"],
  "27": ["대구", "대구시"],
  "28": ["인천", "인천시"],
  "29": ["광주", "광주시"],
  "30": ["대전", "대전시"],
  "31": ["울산", "울산시"],
  "36": ["세종", "세종시"],
  "41": ["경기"],
  "42": ["강원", "강원특별자치도"],
  "43": ["충북"],
  "44": ["충남"],
  "45": ["전북", "전북특별자치도"],
  "46": ["전남"],
  "47": ["경북"],
  "48": ["경남"],
  "50": ["제주", "제주도"],
};

const squash = (s: string) => s.normalize("NFC").replace(/\s+/g, "");

/** Levenshtein distance, stopping early past `max`. */
function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length]!;
}

export type Directory = {
  entries: DirectoryEntry[];
  /** The 시도 code a file's 시도 name stands for, or null. */
  sidoOf(name: string): string | null;
  match(sido: string, sigungu: string): Match;
};

export function directoryOf(entries: DirectoryEntry[]): Directory {
  const sidoNames = new Map<string, string>();
  for (const e of entries) sidoNames.set(squash(e.sido), e.sidoCode);
  for (const [code, aliases] of Object.entries(SIDO_ALIASES)) if ([...sidoNames.values()].includes(code)) for (const a of aliases) sidoNames.set(a, code);
  const canonical = [...new Set(entries.map((e) => squash(e.sido)))];
  const bySido = new Map<string, DirectoryEntry[]>();
  for (const e of entries) bySido.set(e.sidoCode, [...(bySido.get(e.sidoCode) ?? []), e]);

  const sidoOf = (name: string): string | null => {
    const n = squash(name);
    const known = sidoNames.get(n);
    if (known) return known;
    // A one-letter slip in a full 시도 name ("겅상남도"), when it points at one 시도 only.
    const near = n.length >= 4 ? canonical.filter((c) => distance(n, c, 1) <= 1) : [];
    return near.length === 1 ? sidoNames.get(near[0]!)! : null;
  };

  const match = (sido: string, sigungu: string): Match => {
    const code = sidoOf(sido);
    if (!code) return { kind: "none", reason: "unknown_province" };
    const list = bySido.get(code) ?? [];
    let name = squash(sigungu);
    // A single-tier city (세종) is published with a blank 시군구, or with its own name.
    if (list.length === 1 && (name === "" || name === squash(list[0]!.sido) || name === squash(list[0]!.name))) return { kind: "match", entry: list[0]! };
    if (name === "") return { kind: "none", reason: "unknown_municipality" };
    // The office for the place: "시흥시청" → 시흥시, "동구청" → 동구, "고성군청" → 고성군.
    if (/[시군구]청$/.test(name)) name = name.slice(0, -1);
    const exact = list.find((e) => squash(e.name) === name);
    if (exact) return { kind: "match", entry: exact };
    // A city divided into 구, written without its 구.
    const parts = /시$/.test(name) ? list.filter((e) => squash(e.name).startsWith(name) && /구$/.test(e.name)) : [];
    if (parts.length) return { kind: "choose", among: parts };
    // A 구 written without its city ("의창구"), when only one city of the 시도 has it.
    const suffix = /구$/.test(name) ? list.filter((e) => squash(e.name).endsWith(name) && squash(e.name).length > name.length) : [];
    if (suffix.length === 1) return { kind: "match", entry: suffix[0]! };
    return { kind: "none", reason: "unknown_municipality" };
  };

  return { entries, sidoOf, match };
}
