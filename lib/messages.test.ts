import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { translatorFor } from "./catalogue";

type Tree = { [k: string]: string | Tree };
const load = (locale: string) => JSON.parse(fs.readFileSync(`messages/${locale}.json`, "utf8")) as Tree;
function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    if (typeof v === "string") out.set(prefix + k, v);
    else for (const [kk, vv] of flatten(v, `${prefix}${k}.`)) out.set(kk, vv);
  }
  return out;
}
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)/g)].map((m) => m[1]).sort();

describe("message catalogue", () => {
  const ko = flatten(load("ko"));
  const en = flatten(load("en"));
  it("has every Korean message in English and nothing extra", () => {
    expect([...en.keys()].sort()).toEqual([...ko.keys()].sort());
  });
  it("uses the same placeholders in both languages", () => {
    const mismatched = [...ko].filter(([k, v]) => JSON.stringify(placeholders(v)) !== JSON.stringify(placeholders(en.get(k) ?? "")));
    expect(mismatched.map(([k]) => k)).toEqual([]);
  });
});

describe("English counts", () => {
  const en = flatten(load("en"));
  const t = translatorFor("en");
  // Words after a number that end in s without being a plural noun.
  const NOT_PLURAL = new Set(["bus", "is", "has", "pays", "installs"]);

  it("say one of a thing in the singular, in every message with a number", () => {
    const plural = [...en]
      // The command line's usage lines hold <placeholders> of their own, not counts.
      .filter(([, v]) => !v.includes("<"))
      .flatMap(([key, v]) => {
        const said = t(key, Object.fromEntries(placeholders(v).map((p) => [p, 1])));
        const words = [...said.matchAll(/\b1 ([A-Za-z]+s)\b/g)].map((m) => m[1]!).filter((w) => !NOT_PLURAL.has(w));
        return words.length ? [`${key}: ${said}`] : [];
      });
    expect(plural).toEqual([]);
  });

  it("say more than one in the plural, with the number formatted", () => {
    expect(t("map.unplacedOther", { zones: 1, aps: 1 })).toBe("1 other zone without a position (1 AP)");
    expect(t("map.unplacedOther", { zones: 2, aps: 1234 })).toBe("2 other zones without a position (1,234 APs)");
    expect(t("overview.busesValue", { count: 1 })).toBe("1 bus");
    expect(t("overview.busesValue", { count: 247 })).toBe("247 buses");
    expect(t("import.blankInstallDates", { count: 1 })).toMatch(/^1 row has no install date/);
    expect(t("import.blankInstallDates", { count: 3 })).toMatch(/^3 rows have no install date/);
  });
});

describe("issue codes", () => {
  // Every code an answer's issue can carry, found in the source: zod's findings (lib/validation), the
  // refusals the use cases name (`fieldError(path, code, …)`, `issues: [{ code: … }]`) and the bbox checks.
  const sources = ["lib", "server", "db", "app"].flatMap((dir) =>
    (fs.readdirSync(dir, { recursive: true }) as string[])
      .filter((f) => /\.tsx?$/.test(f) && !f.includes(".test."))
      .map((f) => fs.readFileSync(`${dir}/${f}`, "utf8")),
  );
  const codes = new Set<string>();
  for (const text of sources) {
    for (const m of text.matchAll(/fieldError\("\w+", "(\w+)"/g)) codes.add(m[1]!);
    for (const m of text.matchAll(/issues: \[\{ code: "(\w+)"/g)) codes.add(m[1]!);
    for (const m of text.matchAll(/\{ code: "(\w+)", path/g)) codes.add(m[1]!);
    for (const m of text.matchAll(/message: "(bbox_\w+)"/g)) codes.add(m[1]!);
  }
  it("finds the codes in the source", () => {
    expect(codes).toContain("required");
    expect(codes).toContain("outside_municipality");
  });
  it("words every one of them in both languages", () => {
    const missing = [...codes].filter((c) => !flatten(load("ko")).has(`issue.${c}`) || !flatten(load("en")).has(`issue.${c}`));
    expect(missing).toEqual([]);
  });
});

describe("Korean wording", () => {
  it("leaves no template particle such as (으)로 or 을(를) for the reader to resolve", () => {
    const left = [...flatten(load("ko"))].filter(([, v]) => /\((으|이|을|를|은|는|과|와)\)|[을이은과](\(를\)|\(가\)|\(는\)|\(와\))/.test(v));
    expect(left.map(([k]) => k)).toEqual([]);
  });
});
