import { describe, expect, it } from "vitest";
import { sameOrigin } from "./origin";

const req = (headers: Record<string, string>) => ({ method: "POST", headers: new Headers(headers) });

describe("sameOrigin", () => {
  it("accepts the app's own origin", () => {
    expect(sameOrigin(req({ host: "127.0.0.1:3100", origin: "http://127.0.0.1:3100" }))).toBe(true);
    expect(sameOrigin(req({ host: "10.0.0.5:3000", origin: "https://atlas.example.kr" }), "https://atlas.example.kr")).toBe(true);
  });
  it("rejects another site, an opaque origin and garbage", () => {
    expect(sameOrigin(req({ host: "127.0.0.1:3100", origin: "http://evil.example" }))).toBe(false);
    expect(sameOrigin(req({ host: "127.0.0.1:3100", origin: "http://127.0.0.1:3101" }))).toBe(false);
    expect(sameOrigin(req({ host: "127.0.0.1:3100", origin: "null" }))).toBe(false);
    expect(sameOrigin(req({ host: "127.0.0.1:3100", origin: "not a url" }))).toBe(false);
  });
  it("without Origin, trusts scripts but not a browser's cross-site request", () => {
    expect(sameOrigin(req({ host: "127.0.0.1:3100" }))).toBe(true);
    expect(sameOrigin(req({ host: "127.0.0.1:3100", "sec-fetch-site": "same-origin" }))).toBe(true);
    expect(sameOrigin(req({ host: "127.0.0.1:3100", "sec-fetch-site": "cross-site" }))).toBe(false);
  });
});
