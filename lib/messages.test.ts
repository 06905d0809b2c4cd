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
