import { describe, expect, it } from "vitest";
import { clientAddress, parseTrustedProxies } from "./client-address";

const from = (peer: string, forwardedFor: string | null, trusted?: string) => clientAddress({ peer, forwardedFor, trusted: parseTrustedProxies(trusted) });

describe("the client's address", () => {
  it("is the connection's peer when no proxy is trusted, whatever X-Forwarded-For says", () => {
    expect(from("203.0.113.7", "1.2.3.4")).toBe("203.0.113.7");
    expect(from("203.0.113.7", "garbage, , 1.2.3.4, 5.6.7.8")).toBe("203.0.113.7");
    expect(from("::ffff:127.0.0.1", null)).toBe("127.0.0.1");
  });

  it("with trusted ranges, is the right-most address no trusted proxy added", () => {
    // A forged entry on the left does not move it: the proxy appended the real one.
    expect(from("10.0.0.2", "6.6.6.6, 198.51.100.9", "10.0.0.0/8")).toBe("198.51.100.9");
    expect(from("10.0.0.2", "198.51.100.9, 10.0.0.1", "10.0.0.0/8")).toBe("198.51.100.9");
    // The peer itself is not trusted: the header is not read at all.
    expect(from("198.51.100.20", "6.6.6.6", "10.0.0.0/8")).toBe("198.51.100.20");
  });

  it("with a hop count, is the address that many hops before the peer", () => {
    expect(from("10.0.0.2", "6.6.6.6, 198.51.100.9", "1")).toBe("198.51.100.9");
    expect(from("10.0.0.2", "6.6.6.6, 198.51.100.9, 10.0.0.1", "2")).toBe("198.51.100.9");
    expect(from("10.0.0.2", null, "1")).toBe("10.0.0.2");
  });

  it("stops at an entry that is not an address: a malformed header gives no bucket of its own", () => {
    expect(from("10.0.0.2", "6.6.6.6, not-an-ip, 198.51.100.9", "10.0.0.0/8")).toBe("198.51.100.9");
    expect(from("10.0.0.2", "not-an-ip", "10.0.0.0/8")).toBe("10.0.0.2");
  });

  it("refuses a TRUSTED_PROXIES that is neither a count nor addresses", () => {
    expect(() => parseTrustedProxies("everyone")).toThrow();
  });
});
