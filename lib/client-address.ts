// Which address a request comes from, when proxies may stand between: the peer of the connection,
// unless TRUSTED_PROXIES says which proxies may tell us more (X-Forwarded-For); then the right-most
// address no trusted proxy added. A client can forge X-Forwarded-For, never the connection.
import ipaddr from "ipaddr.js";

/** `TRUSTED_PROXIES`: a hop count ("1": one proxy in front), or addresses and CIDRs ("10.0.0.0/8, 127.0.0.1"). */
export type TrustedProxies = { hops: number } | { ranges: [ipaddr.IPv4 | ipaddr.IPv6, number][] } | null;

export function parseTrustedProxies(value: string | undefined): TrustedProxies {
  const v = value?.trim();
  if (!v) return null;
  if (/^\d+$/.test(v)) return { hops: Number(v) };
  return {
    ranges: v.split(",").map((part) => {
      const p = part.trim();
      if (p.includes("/")) return ipaddr.parseCIDR(p);
      const ip = ipaddr.parse(p);
      return [ip, ip.kind() === "ipv4" ? 32 : 128];
    }),
  };
}

/** The address as one form (an IPv4 address mapped into IPv6 is the IPv4 address), or null when it is none. */
function normalise(raw: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  const v = raw.trim().replace(/^\[|\]$/g, "");
  if (!ipaddr.isValid(v)) return null;
  const ip = ipaddr.parse(v);
  return ip.kind() === "ipv6" && (ip as ipaddr.IPv6).isIPv4MappedAddress() ? (ip as ipaddr.IPv6).toIPv4Address() : ip;
}

function inRanges(ip: ipaddr.IPv4 | ipaddr.IPv6, ranges: [ipaddr.IPv4 | ipaddr.IPv6, number][]): boolean {
  return ranges.some(([range, bits]) => range.kind() === ip.kind() && ip.match([range, bits] as [typeof ip, number]));
}

/**
 * The client's address: with no trusted proxies, the connection's peer; with a hop count n, the
 * address n hops before the peer; with trusted ranges, the right-most address (the peer first) that
 * is not in them. An entry that is not an address ends the walk: the client is the last one read.
 */
export function clientAddress({ peer, forwardedFor, trusted }: { peer: string; forwardedFor: string | null; trusted: TrustedProxies }): string {
  const self = normalise(peer);
  if (!trusted || !self) return self?.toString() ?? "unknown";
  const chain = (forwardedFor ?? "")
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean);
  const hops = [...chain, peer];
  if ("hops" in trusted) {
    for (let i = hops.length - 1, n = 0; i >= 0; i--, n++) {
      const ip = normalise(hops[i]!);
      if (!ip) return normalise(hops[i + 1]!)?.toString() ?? "unknown";
      if (n === trusted.hops || i === 0) return ip.toString();
    }
    return self.toString();
  }
  let client = self;
  for (let i = hops.length - 1; i >= 0; i--) {
    const ip = normalise(hops[i]!);
    if (!ip) break;
    client = ip;
    if (!inRanges(ip, trusted.ranges)) break;
  }
  return client.toString();
}
