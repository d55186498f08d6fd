import { describe, expect, it } from "vitest";
import { addressGroup } from "./address-group";

const CASES: { address: string | null; group: string }[] = [
  { address: "10.3.3.1", group: "10.3.3.1" },
  { address: "::ffff:10.3.3.1", group: "10.3.3.1" },
  { address: "2001:db8:1:2:aaaa::1", group: "2001:db8:1:2::/64" },
  { address: "2001:0db8:0001:0002:ffff:ffff:ffff:ffff", group: "2001:db8:1:2::/64" },
  { address: "2001:db8:1:3::1", group: "2001:db8:1:3::/64" },
  { address: "::1", group: "0:0:0:0::/64" },
  { address: null, group: "unknown" },
  { address: "not an address", group: "unknown" },
  { address: "10.0.0.256", group: "unknown" },
];

describe("addressGroup", () => {
  for (const { address, group } of CASES) {
    it(`${address} counts as ${group}`, () => expect(addressGroup(address)).toBe(group));
  }
});
