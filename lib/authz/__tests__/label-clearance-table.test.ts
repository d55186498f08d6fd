import { describe, expect, it } from "vitest";
import { compile } from "../compile/compile";
import type { Layer } from "../model/layers";
import { decide } from "../pipeline";
import { referenceDecide } from "../reference/reference-decide";
import type { AccessRequest } from "../request";
import type { SecuritySnapshot } from "../snapshot";
import { DAY, NOW, baseSnapshot, request, table } from "./fixtures";

/**
 * Role clearances and role label grants (a member's clearance is the highest of theirs and their roles'),
 * expiry at the exact instant, and No-WriteDown. Each case is also checked against the reference evaluator.
 */
interface Case {
  description: string;
  state: (snapshot: SecuritySnapshot) => void;
  request: AccessRequest;
  effect: "Allow" | "Deny";
  decidedBy: Layer;
  columns?: Record<string, "Allow" | "Deny">;
  /** Text the deciding step must contain. */
  reason?: RegExp;
}

const all =
  (...steps: ((s: SecuritySnapshot) => void)[]) =>
  (s: SecuritySnapshot) =>
    steps.forEach((step) => step(s));

/** The manual's user_profile: Select/Update for role worker (bob, allen), five sensitive columns labelled. */
const userProfile = (s: SecuritySnapshot) => {
  s.config.labelSecurity = true;
  s.grants.push({
    id: "g-worker",
    objectId: "o-up",
    privileges: ["Select", "Update"],
    columns: null,
    grantee: { type: "Role", roleId: "r-worker" },
    expiresAt: null,
    condition: null,
  });
  s.roleAssignments.push({ roleId: "r-worker", userId: "u-bob" }, { roleId: "r-worker", userId: "u-allen" });
  for (const column of ["mobile", "user_addr", "birthday"])
    s.labels.objects.push({ objectId: "o-up", column, level: 2 });
  for (const column of ["id_card", "credit_card"]) s.labels.objects.push({ objectId: "o-up", column, level: 3 });
};
const roleLabel = (roleId: string, level: number) => (s: SecuritySnapshot) => {
  (s.labels.roles ??= []).push({ roleId, level });
};
const userLabel = (userId: string, level: number) => (s: SecuritySnapshot) => {
  s.labels.users.push({ userId, level });
};
const labelGrant =
  (
    grantee: { userId: string } | { roleId: string },
    level: number,
    expiresAt: number,
    columns: string[] | null = null,
  ) =>
  (s: SecuritySnapshot) => {
    s.labelGrants.push({ id: `lg-${s.labelGrants.length}`, objectId: "o-up", columns, level, expiresAt, ...grantee });
  };
const writeDown = (s: SecuritySnapshot) => {
  s.config.noWriteDown = true;
};
const sensitive = ["mobile", "user_addr", "birthday", "id_card", "credit_card"];

const cases: Case[] = [
  {
    description: "SET LABEL 3 TO ROLE worker: its members read level-3 columns",
    state: all(userProfile, roleLabel("r-worker", 3)),
    request: request("bob", "Select", table("user_profile"), { columns: sensitive }),
    effect: "Allow",
    decidedBy: "ACL",
  },
  {
    description: "role clearance 2 and own clearance 1: the highest (2) counts",
    state: all(userProfile, userLabel("u-allen", 1), roleLabel("r-worker", 2)),
    request: request("allen", "Select", table("user_profile"), { columns: sensitive }),
    effect: "Deny",
    decidedBy: "LabelSecurity",
    columns: { mobile: "Allow", user_addr: "Allow", birthday: "Allow", id_card: "Deny", credit_card: "Deny" },
    reason: /clearance 2/,
  },
  {
    description: "own clearance 3 above the role's 1: the highest (3) counts",
    state: all(userProfile, userLabel("u-allen", 3), roleLabel("r-worker", 1)),
    request: request("allen", "Select", table("user_profile"), { columns: sensitive }),
    effect: "Allow",
    decidedBy: "ACL",
  },
  {
    description: "a role's clearance does not reach users who do not hold the role",
    state: all(userProfile, roleLabel("r-analyst", 3)),
    request: request("allen", "Select", table("user_profile"), { columns: ["mobile"] }),
    effect: "Deny",
    decidedBy: "LabelSecurity",
  },
  {
    description: "GRANT LABEL 2 ON TABLE user_profile TO ROLE worker covers its members' level-2 columns",
    state: all(userProfile, labelGrant({ roleId: "r-worker" }, 2, NOW + 7 * DAY)),
    request: request("allen", "Select", table("user_profile"), { columns: sensitive }),
    effect: "Deny",
    decidedBy: "LabelSecurity",
    columns: { mobile: "Allow", user_addr: "Allow", birthday: "Allow", id_card: "Deny", credit_card: "Deny" },
  },
  {
    description: "a role label grant on listed columns covers only them",
    state: all(userProfile, labelGrant({ roleId: "r-worker" }, 3, NOW + DAY, ["id_card"])),
    request: request("bob", "Select", table("user_profile"), { columns: ["id_card", "credit_card"] }),
    effect: "Deny",
    decidedBy: "LabelSecurity",
    columns: { id_card: "Allow", credit_card: "Deny" },
  },
  {
    description: "a label grant counts until the instant before its expiry",
    state: all(userProfile, labelGrant({ userId: "u-allen" }, 2, NOW + 1)),
    request: request("allen", "Select", table("user_profile"), { columns: ["mobile"] }),
    effect: "Allow",
    decidedBy: "ACL",
  },
  {
    description: "a label grant stops counting at its expiry instant, cleared or not",
    state: all(userProfile, labelGrant({ userId: "u-allen" }, 2, NOW)),
    request: request("allen", "Select", table("user_profile"), { columns: ["mobile"] }),
    effect: "Deny",
    decidedBy: "LabelSecurity",
  },
  {
    description: "an expired role label grant counts for nothing",
    state: all(userProfile, labelGrant({ roleId: "r-worker" }, 3, NOW - DAY)),
    request: request("bob", "Select", table("user_profile"), { columns: ["mobile"] }),
    effect: "Deny",
    decidedBy: "LabelSecurity",
  },

  // No-WriteDown
  {
    description: "No-WriteDown off (the default): clearance 3 writes into user_profile (Trusted-User)",
    state: all(userProfile, userLabel("u-bob", 3)),
    request: request("bob", "Update", table("user_profile")),
    effect: "Allow",
    decidedBy: "ACL",
  },
  {
    description: "No-WriteDown on: clearance 3 may not write into a table with columns labelled 0",
    state: all(userProfile, userLabel("u-bob", 3), writeDown),
    request: request("bob", "Update", table("user_profile")),
    effect: "Deny",
    decidedBy: "LabelSecurity",
    reason: /labelled 0, below the clearance 3.*No-WriteDown/,
  },
  {
    description: "No-WriteDown on: a clearance reached through a role counts too",
    state: all(userProfile, roleLabel("r-worker", 1), writeDown),
    request: request("allen", "Update", table("user_profile")),
    effect: "Deny",
    decidedBy: "LabelSecurity",
  },
  {
    description: "No-WriteDown on: clearance 0 writes anywhere (nothing is below 0)",
    state: all(userProfile, writeDown),
    request: request("allen", "Update", table("user_profile")),
    effect: "Allow",
    decidedBy: "ACL",
  },
  {
    description: "No-WriteDown on: a table labelled at the writer's clearance may be written",
    state: all(userProfile, userLabel("u-bob", 2), writeDown, (s) =>
      s.labels.objects.push({ objectId: "o-up", column: null, level: 2 }),
    ),
    request: request("bob", "Update", table("user_profile")),
    effect: "Allow",
    decidedBy: "ACL",
  },
  {
    description: "No-WriteDown on but LabelSecurity off: writes are not label-checked",
    state: all(userProfile, userLabel("u-bob", 3), writeDown, (s) => {
      s.config.labelSecurity = false;
    }),
    request: request("bob", "Update", table("user_profile")),
    effect: "Allow",
    decidedBy: "ACL",
  },
  {
    description: "No-WriteDown on: the owner is not restricted",
    state: all(userProfile, writeDown),
    request: request("alice", "Update", table("user_profile")),
    effect: "Allow",
    decidedBy: "Identity",
  },
  {
    description: "No-WriteDown on: reads are decided by No-ReadUp as before",
    state: all(userProfile, userLabel("u-bob", 3), writeDown),
    request: request("bob", "Select", table("user_profile")),
    effect: "Allow",
    decidedBy: "ACL",
  },
];

describe("role clearances, role label grants, expiry and No-WriteDown", () => {
  it.each(cases)("$description", (testCase) => {
    const snapshot = baseSnapshot();
    testCase.state(snapshot);
    const decision = decide(compile(snapshot), testCase.request);
    expect({ effect: decision.effect, decidedBy: decision.decidedBy }).toEqual({
      effect: testCase.effect,
      decidedBy: testCase.decidedBy,
    });
    if (testCase.columns)
      expect(Object.fromEntries(decision.columns.map((c) => [c.column, c.effect]))).toEqual(testCase.columns);
    const deciding = decision.steps.find((step) => step.layer === decision.decidedBy);
    expect(deciding?.text ?? "").toMatch(testCase.reason ?? /./);
    const reference = referenceDecide(snapshot, testCase.request);
    expect({ effect: reference.effect, decidedBy: reference.decidedBy }).toEqual({
      effect: testCase.effect,
      decidedBy: testCase.decidedBy,
    });
  });
});
