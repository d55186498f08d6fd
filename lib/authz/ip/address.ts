import ipaddr from "ipaddr.js";

/** IPv4 addresses live in IPv6's IPv4-mapped block ::ffff:0:0/96, so one 128-bit space holds both. */
export const IPV4_MAPPED_BASE = 0xffffn << 32n;

/** A parsed address: IPv4 (including IPv4-mapped IPv6) as an unsigned 32-bit number, other IPv6 as a bigint. */
export type ParsedAddress = { v4: number; v6: null } | { v4: null; v6: bigint };

const DOT = 46;
const ZERO = 48;

/** Strict dotted-quad parser (no leading zeros, as ipaddr's four-part-decimal rule), -1 when malformed. */
export function parseIPv4(text: string): number {
  let value = 0;
  let octet = -1;
  let digits = 0;
  let dots = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === DOT) {
      if (octet < 0 || dots === 3) return -1;
      value = value * 256 + octet;
      octet = -1;
      digits = 0;
      dots++;
    } else if (code >= ZERO && code <= ZERO + 9) {
      if (digits > 0 && octet === 0) return -1;
      octet = (octet < 0 ? 0 : octet * 10) + (code - ZERO);
      if (++digits > 3 || octet > 255) return -1;
    } else {
      return -1;
    }
  }
  if (dots !== 3 || octet < 0) return -1;
  return value * 256 + octet;
}

export function ipv6ToBigInt(address: ipaddr.IPv6): bigint {
  let value = 0n;
  for (const part of address.parts) value = (value << 16n) | BigInt(part);
  return value;
}

/** Parses a request's source address; null when it is not an address. */
export function parseAddress(text: string): ParsedAddress | null {
  const v4 = parseIPv4(text);
  if (v4 >= 0) return { v4, v6: null };
  if (!text.includes(":") || !ipaddr.IPv6.isValid(text)) return null;
  const v6 = ipv6ToBigInt(ipaddr.IPv6.parse(text));
  if (v6 >> 32n === 0xffffn) return { v4: Number(v6 & 0xffffffffn), v6: null };
  return { v4: null, v6 };
}
