import fs from "node:fs";
import { describe, expect, it } from "vitest";

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
