import ipaddr from "ipaddr.js";
import { parseWhitelistEntry } from "../ip/whitelist-entry";

/** 16 bytes of an address, IPv4 written into the IPv4-mapped block; null when not an address. */
function bytesOf(text: string): number[] | null {
  if (ipaddr.IPv4.isValidFourPartDecimal(text)) return ipaddr.IPv4.parse(text).toIPv4MappedAddress().toByteArray();
  if (text.includes(":") && ipaddr.IPv6.isValid(text)) return ipaddr.IPv6.parse(text).toByteArray();
  return null;
}

function compare(a: number[], b: number[]): number {
  for (let i = 0; i < 16; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

function cidrBounds(address: number[], prefixIn128: number): [number[], number[]] {
  const low = address.map((byte, i) => {
    const bitsKept = Math.max(0, Math.min(8, prefixIn128 - i * 8));
    return byte & (0xff << (8 - bitsKept)) & 0xff;
  });
  const high = low.map((byte, i) => {
    const bitsKept = Math.max(0, Math.min(8, prefixIn128 - i * 8));
    return byte | (0xff >> bitsKept);
  });
  return [low, high];
}

/** Whether an address falls in one whitelist entry (text as stored); bad entries match nothing. */
export function entryContains(entryText: string, addressText: string): boolean {
  const address = bytesOf(addressText);
  const parsed = parseWhitelistEntry(entryText);
  if (!address || !parsed.ok) return false;
  const entry = parsed.entry;
  if (entry.kind === "address") return compare(address, bytesOf(entry.address)!) === 0;
  if (entry.kind === "range")
    return compare(bytesOf(entry.from)!, address) <= 0 && compare(address, bytesOf(entry.to)!) <= 0;
  const prefix = entry.address.includes(":") ? entry.prefix : entry.prefix + 96;
  const [low, high] = cidrBounds(bytesOf(entry.address)!, prefix);
  return compare(low, address) <= 0 && compare(address, high) <= 0;
}
