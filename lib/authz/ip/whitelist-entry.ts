import ipaddr from "ipaddr.js";
import { ipv6ToBigInt } from "./address";

/** One whitelist entry, addresses in canonical text (dotted quad, RFC 5952; IPv4-mapped IPv6 written as IPv4). */
export type WhitelistEntry =
  | { kind: "address"; address: string }
  | { kind: "cidr"; address: string; prefix: number }
  | { kind: "range"; from: string; to: string };

export type WhitelistEntryResult = { ok: true; entry: WhitelistEntry } | { ok: false; message: string };

const FORMAT_HINT =
  "Enter an IPv4 or IPv6 address (10.0.0.1), a CIDR block (10.0.0.0/8) or a range (10.0.0.1-10.0.0.9)";

type Canonical = { text: string; isV4: boolean; value: bigint };

function canonicalAddress(text: string): Canonical | null {
  if (ipaddr.IPv4.isValidFourPartDecimal(text)) {
    const v4 = ipaddr.IPv4.parse(text);
    return { text: v4.toString(), isV4: true, value: ipv6ToBigInt(v4.toIPv4MappedAddress()) };
  }
  if (!text.includes(":") || text.includes("%") || !ipaddr.IPv6.isValid(text)) return null;
  const v6 = ipaddr.IPv6.parse(text);
  if (v6.isIPv4MappedAddress()) return canonicalAddress(v6.toIPv4Address().toString());
  return { text: v6.toRFC5952String(), isV4: false, value: ipv6ToBigInt(v6) };
}

function parseCidr(addressText: string, prefixText: string): WhitelistEntryResult {
  const address = canonicalAddress(addressText);
  if (!address) return { ok: false, message: `"${addressText}" is not an IP address. ${FORMAT_HINT}` };
  if (!/^\d{1,3}$/.test(prefixText)) return { ok: false, message: `Prefix length "${prefixText}" must be a number` };
  const writtenAsV6 = addressText.includes(":");
  const prefix = Number(prefixText);
  const limit = writtenAsV6 ? 128 : 32;
  if (prefix > limit) return { ok: false, message: `Prefix length must be between 0 and ${limit}` };
  // An IPv4-mapped block is stored as the IPv4 block it covers, when it fits in the mapped space.
  if (address.isV4 && writtenAsV6) {
    if (prefix >= 96) return { ok: true, entry: { kind: "cidr", address: address.text, prefix: prefix - 96 } };
    return { ok: true, entry: { kind: "cidr", address: canonicalV6Text(addressText), prefix } };
  }
  return { ok: true, entry: { kind: "cidr", address: address.text, prefix } };
}

function canonicalV6Text(text: string): string {
  return ipaddr.IPv6.parse(text).toRFC5952String();
}

/** Parses one entry (address, CIDR or `a-b` range) and says exactly what is wrong with a bad one. */
export function parseWhitelistEntry(input: string): WhitelistEntryResult {
  const text = input.trim();
  if (text === "") return { ok: false, message: `The entry is empty. ${FORMAT_HINT}` };
  const slash = text.indexOf("/");
  if (slash >= 0) return parseCidr(text.slice(0, slash), text.slice(slash + 1));
  const dash = text.indexOf("-");
  if (dash >= 0) {
    const from = canonicalAddress(text.slice(0, dash).trim());
    const to = canonicalAddress(text.slice(dash + 1).trim());
    if (!from)
      return { ok: false, message: `Range start "${text.slice(0, dash).trim()}" is not an IP address. ${FORMAT_HINT}` };
    if (!to)
      return { ok: false, message: `Range end "${text.slice(dash + 1).trim()}" is not an IP address. ${FORMAT_HINT}` };
    if (from.isV4 !== to.isV4) return { ok: false, message: "Both ends of a range must be the same IP version" };
    if (from.value > to.value) return { ok: false, message: "The range start must not be greater than its end" };
    return { ok: true, entry: { kind: "range", from: from.text, to: to.text } };
  }
  const address = canonicalAddress(text);
  if (!address) return { ok: false, message: `"${text}" is not an IP address. ${FORMAT_HINT}` };
  return { ok: true, entry: { kind: "address", address: address.text } };
}

export function printWhitelistEntry(entry: WhitelistEntry): string {
  switch (entry.kind) {
    case "address":
      return entry.address;
    case "cidr":
      return `${entry.address}/${entry.prefix}`;
    case "range":
      return `${entry.from}-${entry.to}`;
  }
}

export interface WhitelistParseResult {
  entries: WhitelistEntry[];
  /** One error per bad entry, with its position in the list, for the console's field message. */
  errors: { index: number; input: string; message: string }[];
}

/** Parses a whitelist as typed in the console: entries separated by commas, spaces or new lines. */
export function parseWhitelist(text: string): WhitelistParseResult {
  const result: WhitelistParseResult = { entries: [], errors: [] };
  text
    .split(/[\s,]+/)
    .filter((item) => item !== "")
    .forEach((input, index) => {
      const parsed = parseWhitelistEntry(input);
      if (parsed.ok) result.entries.push(parsed.entry);
      else result.errors.push({ index, input, message: parsed.message });
    });
  return result;
}

export function printWhitelist(entries: readonly WhitelistEntry[]): string {
  return entries.map(printWhitelistEntry).join(",");
}

/** Inclusive bounds of an entry in the 128-bit space (IPv4 mapped into ::ffff:0:0/96). */
export function entryBounds(entry: WhitelistEntry): [bigint, bigint] {
  const value = (text: string): bigint => {
    const canonical = canonicalAddress(text);
    if (!canonical) throw new Error(`not an address: ${text}`);
    return canonical.value;
  };
  switch (entry.kind) {
    case "address":
      return [value(entry.address), value(entry.address)];
    case "range":
      return [value(entry.from), value(entry.to)];
    case "cidr": {
      const hostBits = BigInt((entry.address.includes(":") ? 128 : 32) - entry.prefix);
      const mask = (1n << hostBits) - 1n;
      const low = value(entry.address) & ~mask;
      return [low, low | mask];
    }
  }
}
