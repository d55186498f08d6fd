import { parseAddress } from "@/lib/authz/ip/address";

/**
 * The unit a sign-in throttle counts per source: an IPv4 address, or an IPv6 /64. One IPv6 host is usually
 * given a whole /64, so counting single IPv6 addresses would let it rotate through 2^64 fresh counters.
 * IPv4-mapped IPv6 counts as its IPv4 address; anything that is not an address counts as "unknown".
 */
export function addressGroup(sourceIp: string | null): string {
  const parsed = sourceIp ? parseAddress(sourceIp.trim()) : null;
  if (!parsed) return "unknown";
  if (parsed.v4 !== null) {
    const v4 = parsed.v4;
    return [v4 >>> 24, (v4 >>> 16) & 255, (v4 >>> 8) & 255, v4 & 255].join(".");
  }
  const prefix = parsed.v6 >> 64n;
  const hextets = [48n, 32n, 16n, 0n].map((shift) => ((prefix >> shift) & 0xffffn).toString(16));
  return `${hextets.join(":")}::/64`;
}
