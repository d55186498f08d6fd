import { IPV4_MAPPED_BASE, parseAddress } from "./address";
import { entryBounds, parseWhitelistEntry } from "./whitelist-entry";

/**
 * A whitelist compiled to sorted, merged intervals: IPv4 as numbers (fast path), other IPv6 as bigints.
 * An entry that does not parse is kept as an error and matches nothing, so a broken list still restricts.
 */
export interface IpSet {
  readonly isEmpty: boolean;
  readonly v4: Float64Array; // [lo0, hi0, lo1, hi1, ...]
  readonly v6: readonly bigint[];
  readonly errors: readonly string[];
}

const IPV4_MAPPED_LAST = IPV4_MAPPED_BASE + 0xffffffffn;

function merge<T extends number | bigint>(intervals: [T, T][], adjacent: (hi: T, lo: T) => boolean): [T, T][] {
  intervals.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const merged: [T, T][] = [];
  for (const interval of intervals) {
    const last = merged[merged.length - 1];
    if (last && (interval[0] <= last[1] || adjacent(last[1], interval[0]))) {
      if (interval[1] > last[1]) last[1] = interval[1];
    } else {
      merged.push([interval[0], interval[1]]);
    }
  }
  return merged;
}

export function compileIpSet(entries: readonly string[]): IpSet {
  const v4: [number, number][] = [];
  const v6: [bigint, bigint][] = [];
  const errors: string[] = [];
  for (const text of entries) {
    const parsed = parseWhitelistEntry(text);
    if (!parsed.ok) {
      errors.push(`whitelist entry "${text}": ${parsed.message}`);
      continue;
    }
    const [low, high] = entryBounds(parsed.entry);
    v6.push([low, high]);
    if (high >= IPV4_MAPPED_BASE && low <= IPV4_MAPPED_LAST) {
      const from = low > IPV4_MAPPED_BASE ? low : IPV4_MAPPED_BASE;
      const to = high < IPV4_MAPPED_LAST ? high : IPV4_MAPPED_LAST;
      v4.push([Number(from - IPV4_MAPPED_BASE), Number(to - IPV4_MAPPED_BASE)]);
    }
  }
  return {
    isEmpty: entries.length === 0,
    v4: Float64Array.from(merge(v4, (hi, lo) => hi + 1 === lo).flat()),
    v6: merge(v6, (hi, lo) => hi + 1n === lo).flat(),
    errors,
  };
}

function inIntervals<T extends number | bigint>(bounds: ArrayLike<T>, value: T): boolean {
  let low = 0;
  let high = bounds.length / 2 - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (value < bounds[middle * 2]!) high = middle - 1;
    else if (value > bounds[middle * 2 + 1]!) low = middle + 1;
    else return true;
  }
  return false;
}

/** True when the address is in the set; false for a malformed address. */
export function ipSetContains(set: IpSet, address: string): boolean {
  const parsed = parseAddress(address);
  if (!parsed) return false;
  return parsed.v4 !== null ? inIntervals(set.v4, parsed.v4) : inIntervals(set.v6, parsed.v6);
}
