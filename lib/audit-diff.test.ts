import { describe, expect, it } from "vitest";
import { changedFields, changeLine, objectLabel, referenceIds, showValue, wordValue, type AuditWords } from "./audit-diff";

describe("changedFields", () => {
  it("lists only the fields that changed", () => {
    expect(changedFields({ role: "viewer", partnerId: null, name: "a" }, { role: "planner", partnerId: null, name: "a" })).toEqual([
      { field: "role", before: "viewer", after: "planner" },
    ]);
  });
  it("lists every field of a create or a delete, the missing side as nothing", () => {
    expect(changedFields(null, { a: 1, b: "x" })).toEqual([
      { field: "a", before: undefined, after: 1 },
      { field: "b", before: undefined, after: "x" },
    ]);
    expect(changedFields({ a: 1 }, null)).toEqual([{ field: "a", before: 1, after: undefined }]);
  });
  it("compares nested values by content", () => {
    expect(changedFields({ counts: { new: 1 } }, { counts: { new: 1 } })).toEqual([]);
  });
  it("names an import's snake_case fields as the app's own", () => {
    expect(changedFields({ installMonth: 1 }, { install_month: 2, category_given: "공공기관" }).map((c) => c.field)).toEqual(["installMonth", "categoryGiven"]);
  });
  it("shows missing values as a dash", () => {
    expect(showValue(null)).toBe("—");
    expect(showValue({ n: 1 })).toBe('{"n":1}');
  });
});

describe("wording a change", () => {
  const lists: Record<string, Record<string, string>> = {
    siteStatus: { candidate: "후보", approved: "승인" },
    workStatus: { done: "완료" },
    category: { park: "공원", traditional_market: "전통시장" },
    role: { viewer: "열람", planner: "계획" },
  };
  const known: Record<string, Record<number, string>> = { site: { 14: "진주성" }, partner: { 2: "서경방송" }, municipality: { 1: "진주시" } };
  const words: AuditWords = {
    ref: (kind, id) => known[kind]?.[id] ?? null,
    user: (id) => (id === "4dfaebb3" ? "kt@jinju.example" : null),
    entity: (type) => ({ site: "구역", access_point: "AP", plan_year: "연도 계획", standard_data_import: "표준데이터 가져오기" })[type] ?? type,
    field: (name) => ({ status: "상태", plannedCostKrw: "계획 비용", role: "역할", municipalityId: "시군구", partnerId: "협력사" })[name] ?? name,
    coded: (list, value) => lists[list]?.[value] ?? null,
    yes: "예",
    no: "아니오",
    money: { amount: (krw) => `₩${krw.toLocaleString("en")}`, unknown: "미공개", partial: (a, n) => `${a} + 미공개 ${n}건` },
    time: (at) => at.toLocaleString("ko-KR", { timeZone: "Asia/Seoul", dateStyle: "medium", timeStyle: "short", hourCycle: "h23" }),
  };

  it("words a status from the list of its kind of record", () => {
    expect(wordValue("site", "status", "approved", words)).toBe("승인");
    expect(wordValue("work_item", "status", "done", words)).toBe("완료");
    expect(changeLine("site", { field: "status", before: "candidate", after: "approved" }, words)).toBe("상태: 후보 → 승인");
  });
  it("says an unknown amount is unknown, never ₩0, and an absent one is nothing", () => {
    expect(wordValue("work_item", "plannedCostKrw", null, words)).toBe("미공개");
    expect(wordValue("work_item", "plannedCostKrw", 1_200_000, words)).toBe("₩1,200,000");
    expect(changeLine("work_item", { field: "plannedCostKrw", before: undefined, after: null }, words)).toBe("계획 비용: — → 미공개");
  });
  it("writes a record's own times as the page writes times, not as stored", () => {
    expect(wordValue("site", "updatedAt", "2026-12-04T20:38:11.123Z", words)).toBe("2026. 12. 5. 05:38");
    expect(wordValue("site", "sourceNote", "2026-12-04T20:38:11.123Z", words)).toBe("2026-12-04T20:38:11.123Z");
  });
  it("words lists of codes, yes and no, and keeps what it has no word for as stored", () => {
    expect(wordValue("plan_year", "targetCategories", ["park", "traditional_market"], words)).toBe("공원, 전통시장");
    expect(wordValue("plan_year", "closed", true, words)).toBe("예");
    expect(wordValue("site", "status", "someday", words)).toBe("someday");
    expect(wordValue("site", "installYear", 2019, words)).toBe("2019");
    expect(changeLine("membership", { field: "role", before: "viewer", after: "planner" }, words)).toBe("역할: 열람 → 계획");
  });

  it("names the records an entry refers to by id, keeping the id, and says only the id where the name is not known", () => {
    expect(changeLine("site", { field: "municipalityId", before: undefined, after: 1 }, words)).toBe("시군구: — → 진주시 (#1)");
    expect(changeLine("membership", { field: "partnerId", before: 2, after: 9 }, words)).toBe("협력사: 서경방송 (#2) → #9");
    expect(wordValue("membership", "partnerId", null, words)).toBe("—");
  });
  it("says what an entry is about by its kind and name", () => {
    const entry = (entityType: string, entityId: string, after: unknown, before: unknown = null) => ({ entityType, entityId, before, after });
    expect(objectLabel(entry("site", "14", { name: "옛 이름" }), words)).toBe("구역 · 진주성");
    // A zone deleted since is named as its entry stored it; an AP by its zone; a plan year by its year.
    expect(objectLabel(entry("site", "99", null, { name: "철거된 구역" }), words)).toBe("구역 · 철거된 구역");
    expect(objectLabel(entry("access_point", "361", { site_id: 14 }), words)).toBe("AP · 진주성");
    expect(objectLabel(entry("plan_year", "2021", { year: 2021 }), words)).toBe("연도 계획 · 2021");
    expect(objectLabel(entry("standard_data_import", "66fbf615", { counts: {} }), words)).toBe("표준데이터 가져오기");
    // A role by its user's email, where the trail names users; else its kind alone.
    const w = { ...words, entity: (type: string) => (type === "membership" ? "권한" : type) };
    expect(objectLabel(entry("membership", "4dfaebb3", { role: "planner" }), w)).toBe("권한 · kt@jinju.example");
    expect(objectLabel(entry("membership", "0000", { role: "planner" }), w)).toBe("권한");
  });
  it("words an import's counts part by part, and its lists as lists", () => {
    const w = { ...words, field: (name: string) => ({ new: "새로", updated: "바뀜", attached: "연결", unmatched: "찾지 못함" })[name] ?? name };
    expect(wordValue("standard_data_import", "sites", { new: 55, updated: 0 }, w)).toBe("새로 55 · 바뀜 0");
    expect(wordValue("standard_data_import", "municipalities", { attached: ["경상남도 진주시"], unmatched: [] }, w)).toBe("연결 경상남도 진주시 · 찾지 못함 —");
  });
});

describe("referenceIds", () => {
  it("collects each kind's ids from the entries' fields, either spelling, and their own ids", () => {
    const ids = referenceIds([
      { entityType: "site", entityId: "14", before: null, after: { municipality_id: 1, name: "진주성" } },
      { entityType: "access_point", entityId: "361", before: null, after: { site_id: 14, installingPartnerId: 2 } },
      { entityType: "membership", entityId: "4dfaebb3", before: { partnerId: 2 }, after: { partnerId: 3 } },
      { entityType: "program", entityId: "5", before: null, after: { municipalityId: 1, programId: "not an id" } },
    ]);
    expect(ids).toEqual({ site: [14], partner: [2, 3], program: [5], municipality: [1], user: ["4dfaebb3"] });
  });
});
