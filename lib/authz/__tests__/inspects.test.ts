import { describe, expect, it } from "vitest";
import { decideAdmin } from "../admin/decide-admin";
import { inspects } from "../admin/inspects";
import { compile } from "../compile/compile";
import { NOW, baseSnapshot } from "./fixtures";

const index = compile(baseSnapshot());

/** Who reads project wonderland (account acc-w)'s security state: its administrators and its account's auditors. */
const CASES: { who: string; userId: string; tenantId: string; tenantRoles: string[]; inspects: boolean }[] = [
  { who: "the owner", userId: "u-alice", tenantId: "acc-w", tenantRoles: [], inspects: true },
  { who: "a member holding Admin", userId: "u-adm", tenantId: "acc-w", tenantRoles: [], inspects: true },
  { who: "a member holding Super_Administrator", userId: "u-sa", tenantId: "acc-w", tenantRoles: [], inspects: true },
  { who: "the account's Admin (no member)", userId: "u-tadm", tenantId: "acc-w", tenantRoles: [], inspects: true },
  { who: "a plain member", userId: "u-allen", tenantId: "acc-w", tenantRoles: [], inspects: false },
  {
    who: "the account's auditor, no member",
    userId: "u-aud",
    tenantId: "acc-w",
    tenantRoles: ["AUDITOR"],
    inspects: true,
  },
  {
    who: "a plain member who audits the account",
    userId: "u-allen",
    tenantId: "acc-w",
    tenantRoles: ["AUDITOR"],
    inspects: true,
  },
  { who: "another account's auditor", userId: "u-dave", tenantId: "acc-g", tenantRoles: ["AUDITOR"], inspects: false },
  { who: "another account's owner", userId: "u-carol", tenantId: "acc-g", tenantRoles: [], inspects: false },
  { who: "the disabled member", userId: "u-frank", tenantId: "acc-w", tenantRoles: [], inspects: false },
];

describe("inspects: who reads a project's security state", () => {
  for (const { who, inspects: expected, ...user } of CASES) {
    it(`${who}: ${expected ? "reads" : "does not read"}`, () => {
      expect(inspects(index, user)).toBe(expected);
    });
  }

  it("reading grants no administration: the auditor may change nothing", () => {
    const decision = decideAdmin(index, {
      principal: { userId: "u-aud", accountId: "acc-w", kind: "sub", disabled: false },
      project: "wonderland",
      operation: { kind: "EditWhitelist" },
      context: { time: NOW },
    });
    expect(decision.effect).toBe("Deny");
  });
});
