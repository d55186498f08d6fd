import { describe, expect, it } from "vitest";
import type { AdminOperation, AdminRequest } from "../admin/admin-request";
import { decideAdmin } from "../admin/decide-admin";
import { compile } from "../compile/compile";
import type { Layer } from "../model/layers";
import type { SecuritySnapshot } from "../snapshot";
import { NOW, USERS, baseSnapshot, type UserKey } from "./fixtures";

interface Case {
  description: string;
  actor: UserKey;
  operation: AdminOperation;
  state?: (snapshot: SecuritySnapshot) => void;
  sourceIp?: string;
  effect: "Allow" | "Deny";
  decidedBy: Layer;
}

function adminRequest(actor: UserKey, operation: AdminOperation, sourceIp = "10.1.2.3"): AdminRequest {
  const u = USERS[actor];
  return {
    principal: { userId: u.id, accountId: u.accountId, kind: u.kind, disabled: u.disabled },
    project: "wonderland",
    operation,
    context: { time: NOW, sourceIp },
  };
}

const selectOn = (
  name: string,
  grantee: { type: "User"; userId: string } | { type: "Role"; roleName: string },
): AdminOperation => ({ kind: "Grant", privileges: ["Select"], object: { type: "Table", name }, grantee });
const bobInWorker = (s: SecuritySnapshot) => {
  s.roleAssignments.push({ roleId: "r-worker", userId: "u-bob" });
};

const cases: Case[] = [
  // Security configuration
  {
    description: "only the owner switches LabelSecurity",
    actor: "alice",
    operation: { kind: "SetSecurityConfig", setting: "LabelSecurity" },
    effect: "Allow",
    decidedBy: "Administration",
  },
  {
    description: "Super_Administrator cannot switch LabelSecurity",
    actor: "sa",
    operation: { kind: "SetSecurityConfig", setting: "LabelSecurity" },
    effect: "Deny",
    decidedBy: "Administration",
  },
  {
    description: "Super_Administrator cannot switch ProjectProtection",
    actor: "sa",
    operation: { kind: "SetSecurityConfig", setting: "ProjectProtection" },
    effect: "Deny",
    decidedBy: "Administration",
  },
  {
    description: "Super_Administrator cannot add trusted projects",
    actor: "sa",
    operation: { kind: "SetSecurityConfig", setting: "TrustedProjects" },
    effect: "Deny",
    decidedBy: "Administration",
  },
  {
    description: "Super_Administrator changes CheckPermissionUsingPolicy",
    actor: "sa",
    operation: { kind: "SetSecurityConfig", setting: "CheckPermissionUsingPolicy" },
    effect: "Allow",
    decidedBy: "Administration",
  },
  {
    description: "Admin cannot change the authentication model",
    actor: "adm",
    operation: { kind: "SetSecurityConfig", setting: "CheckPermissionUsingACL" },
    effect: "Deny",
    decidedBy: "Administration",
  },
  {
    description: "Admin cannot configure security policies",
    actor: "adm",
    operation: { kind: "EditPolicy", roleName: null },
    effect: "Deny",
    decidedBy: "Administration",
  },
  {
    description: "Super_Administrator edits role policies",
    actor: "sa",
    operation: { kind: "EditPolicy", roleName: "worker" },
    effect: "Allow",
    decidedBy: "Administration",
  },
  {
    description: "Admin cannot edit the IP whitelist",
    actor: "adm",
    operation: { kind: "EditWhitelist" },
    effect: "Deny",
    decidedBy: "Administration",
  },
  {
    description: "the owner edits the IP whitelist",
    actor: "alice",
    operation: { kind: "EditWhitelist" },
    effect: "Allow",
    decidedBy: "Administration",
  },
  // Packages: the provider's and the installer's administrators; no ordinary member
  {
    description: "Admin creates and shares a package",
    actor: "adm",
    operation: { kind: "ManagePackage", packageName: "share" },
    effect: "Allow",
    decidedBy: "Administration",
  },
  {
    description: "a member cannot manage packages",
    actor: "bob",
    operation: { kind: "ManagePackage", packageName: "share" },
    effect: "Deny",
    decidedBy: "Administration",
  },
  {
    description: "Super_Administrator installs another project's package",
    actor: "sa",
    operation: { kind: "InstallPackage", packageName: "garden.share" },
    effect: "Allow",
    decidedBy: "Administration",
  },
  {
    description: "a member cannot install packages",
    actor: "bob",
    operation: { kind: "InstallPackage", packageName: "garden.share" },
    effect: "Deny",
    decidedBy: "Administration",
  },
  {
    description: "another account's primary account, not a member, cannot install packages",
    actor: "zed",
    operation: { kind: "InstallPackage", packageName: "garden.share" },
    effect: "Deny",
    decidedBy: "Identity",
  },
  {
    description: "a member cannot change configuration",
    actor: "bob",
    operation: { kind: "SetSecurityConfig", setting: "ObjectCreatorHasGrantPermission" },
    effect: "Deny",
    decidedBy: "Administration",
  },

  // Members
  {
    description: "Admin adds a member",
    actor: "adm",
    operation: { kind: "AddMember", target: { userId: "u-new", accountId: "acc-w", kind: "sub" } },
    effect: "Allow",
    decidedBy: "Administration",
  },
  {
    description: "the owner adds another account's primary account",
    actor: "alice",
    operation: { kind: "AddMember", target: { userId: "u-zed", accountId: "acc-z", kind: "primary" } },
    effect: "Allow",
    decidedBy: "Administration",
  },
  {
    description: "nobody adds another account's RAM user",
    actor: "alice",
    operation: { kind: "AddMember", target: { userId: "u-x", accountId: "acc-z", kind: "sub" } },
    effect: "Deny",
    decidedBy: "Administration",
  },
  {
    description: "a member cannot add members",
    actor: "bob",
    operation: { kind: "AddMember", target: { userId: "u-new", accountId: "acc-w", kind: "sub" } },
    effect: "Deny",
    decidedBy: "Administration",
  },
  {
    description: "the owner cannot be removed",
    actor: "sa",
    operation: { kind: "RemoveMember", targetUserId: "u-alice" },
    effect: "Deny",
    decidedBy: "Administration",
  },
  {
    description: "Admin cannot remove a Super_Administrator",
    actor: "adm",
    operation: { kind: "RemoveMember", targetUserId: "u-sa" },
    effect: "Deny",
    decidedBy: "Administration",
  },
  {
    description: "Admin removes an ordinary member",
    actor: "adm",
    operation: { kind: "RemoveMember", targetUserId: "u-bob" },
    effect: "Allow",
    decidedBy: "Administration",
  },

  // Roles
  {
    description: "Admin cannot assign the Admin role",
    actor: "adm",
    operation: { kind: "AssignRole", roleName: "Admin", targetUserId: "u-bob" },
    effect: "Deny",
    decidedBy: "Administration",
  },
  {
    description: "Admin cannot assign Super_Administrator",
    actor: "adm",
    operation: { kind: "AssignRole", roleName: "Super_Administrator", targetUserId: "u-bob" },
    effect: "Deny",
    decidedBy: "Administration",
  },
  {
    description: "Super_Administrator assigns Super_Administrator",
    actor: "sa",
    operation: { kind: "AssignRole", roleName: "Super_Administrator", targetUserId: "u-bob" },
    effect: "Allow",
    decidedBy: "Administration",
  },
  {
    description: "the owner assigns Admin",
    actor: "alice",
    operation: { kind: "AssignRole", roleName: "Admin", targetUserId: "u-bob" },
    effect: "Allow",
    decidedBy: "Administration",
  },
  {
    description: "Admin assigns a custom role",
    actor: "adm",
    operation: { kind: "AssignRole", roleName: "worker", targetUserId: "u-bob" },
    effect: "Allow",
    decidedBy: "Administration",
  },
  {
    description: "a RAM-user Admin cannot assign a role to another account's primary account",
    actor: "adm",
    operation: { kind: "AssignRole", roleName: "worker", targetUserId: "u-carol" },
    effect: "Deny",
    decidedBy: "Administration",
  },
  {
    description: "a member cannot assign roles",
    actor: "bob",
    operation: { kind: "AssignRole", roleName: "worker", targetUserId: "u-allen" },
    effect: "Deny",
    decidedBy: "Administration",
  },
  {
    description: "built-in roles cannot be dropped",
    actor: "alice",
    operation: { kind: "DropRole", roleName: "Admin" },
    effect: "Deny",
    decidedBy: "Administration",
  },

  // Grants
  {
    description: "the owner grants to another account's primary account",
    actor: "alice",
    operation: selectOn("t1", { type: "User", userId: "u-carol" }),
    effect: "Allow",
    decidedBy: "Administration",
  },
  {
    description: "nobody grants to another account's RAM user",
    actor: "alice",
    operation: selectOn("t1", { type: "User", userId: "u-dave" }),
    effect: "Deny",
    decidedBy: "Administration",
  },
  {
    description: "a RAM-user creator grants to a RAM user of its own account",
    actor: "bob",
    operation: selectOn("bob_scratch", { type: "User", userId: "u-allen" }),
    effect: "Allow",
    decidedBy: "Administration",
  },
  {
    description: "a RAM-user creator cannot grant to a primary account",
    actor: "bob",
    operation: selectOn("bob_scratch", { type: "User", userId: "u-carol" }),
    effect: "Deny",
    decidedBy: "Administration",
  },
  {
    description: "without ObjectCreatorHasGrantPermission the creator cannot grant",
    actor: "bob",
    state: (s) => {
      s.config.objectCreatorHasGrantPermission = false;
    },
    operation: selectOn("bob_scratch", { type: "User", userId: "u-allen" }),
    effect: "Deny",
    decidedBy: "Administration",
  },
  // A creator's grant permission shares the object with others; the creator's own access is
  // ObjectCreatorHasAccessPermission's alone, so a self-grant (or one to a role the creator holds) is refused.
  {
    description: "a creator cannot grant themselves access with ObjectCreatorHasAccessPermission off",
    actor: "bob",
    state: (s) => {
      s.config.objectCreatorHasAccessPermission = false;
    },
    operation: selectOn("bob_scratch", { type: "User", userId: "u-bob" }),
    effect: "Deny",
    decidedBy: "Administration",
  },
  {
    description: "a creator cannot grant access to a role they hold with ObjectCreatorHasAccessPermission off",
    actor: "bob",
    state: (s) => {
      s.config.objectCreatorHasAccessPermission = false;
      bobInWorker(s);
    },
    operation: selectOn("bob_scratch", { type: "Role", roleName: "worker" }),
    effect: "Deny",
    decidedBy: "Administration",
  },
  {
    description: "a creator cannot grant themselves a grant that would outlive ObjectCreatorHasAccessPermission",
    actor: "bob",
    operation: selectOn("bob_scratch", { type: "User", userId: "u-bob" }),
    effect: "Deny",
    decidedBy: "Administration",
  },
  {
    description: "a creator still grants to a role they do not hold with ObjectCreatorHasAccessPermission off",
    actor: "bob",
    state: (s) => {
      s.config.objectCreatorHasAccessPermission = false;
    },
    operation: selectOn("bob_scratch", { type: "Role", roleName: "worker" }),
    effect: "Allow",
    decidedBy: "Administration",
  },
  {
    description: "a creator may revoke their own grant",
    actor: "bob",
    state: (s) => {
      s.config.objectCreatorHasAccessPermission = false;
    },
    operation: {
      kind: "Revoke",
      privileges: ["Select"],
      object: { type: "Table", name: "bob_scratch" },
      grantee: { type: "User", userId: "u-bob" },
    },
    effect: "Allow",
    decidedBy: "Administration",
  },
  {
    description: "an Admin who created an object grants themselves on it",
    actor: "adm",
    state: (s) => {
      s.objects.push({ id: "o-adms", type: "Table", name: "adm_scratch", creatorUserId: "u-adm", columns: ["x"] });
      s.config.objectCreatorHasAccessPermission = false;
    },
    operation: selectOn("adm_scratch", { type: "User", userId: "u-adm" }),
    effect: "Allow",
    decidedBy: "Administration",
  },
  {
    description: "nobody grants what they cannot grant: a member on someone else's table",
    actor: "bob",
    state: (s) => {
      s.grants.push({
        id: "g-b",
        objectId: "o-t1",
        privileges: ["All"],
        columns: null,
        grantee: { type: "User", userId: "u-bob" },
        expiresAt: null,
        condition: null,
      });
    },
    operation: selectOn("t1", { type: "User", userId: "u-allen" }),
    effect: "Deny",
    decidedBy: "Administration",
  },
  {
    description: "Admin grants on any object",
    actor: "adm",
    operation: selectOn("t1", { type: "Role", roleName: "worker" }),
    effect: "Allow",
    decidedBy: "Administration",
  },
  {
    description: "Admin cannot change the Admin role's privileges",
    actor: "adm",
    operation: selectOn("t1", { type: "Role", roleName: "Admin" }),
    effect: "Deny",
    decidedBy: "Administration",
  },
  {
    description: "a grant to a non-member is refused",
    actor: "alice",
    operation: selectOn("t1", { type: "User", userId: "u-eve" }),
    effect: "Deny",
    decidedBy: "Administration",
  },
  {
    description: "a privilege of another object type is refused",
    actor: "alice",
    operation: {
      kind: "Grant",
      privileges: ["Execute"],
      object: { type: "Table", name: "t1" },
      grantee: { type: "User", userId: "u-bob" },
    },
    effect: "Deny",
    decidedBy: "Administration",
  },
  {
    description: "a member with a role is still not an administrator",
    actor: "bob",
    state: bobInWorker,
    operation: {
      kind: "Revoke",
      privileges: ["Select"],
      object: { type: "Table", name: "t1" },
      grantee: { type: "Role", roleName: "worker" },
    },
    effect: "Deny",
    decidedBy: "Administration",
  },

  // Labels
  {
    description: "Admin sets data labels",
    actor: "adm",
    operation: { kind: "SetObjectLabel", object: { type: "Table", name: "user_profile" } },
    effect: "Allow",
    decidedBy: "Administration",
  },
  {
    description: "Admin grants labels",
    actor: "adm",
    operation: { kind: "GrantLabel", object: { type: "Table", name: "user_profile" }, targetUserId: "u-bob" },
    effect: "Allow",
    decidedBy: "Administration",
  },
  {
    description: "a member cannot set clearances",
    actor: "bob",
    operation: { kind: "SetUserLabel", targetUserId: "u-bob" },
    effect: "Deny",
    decidedBy: "Administration",
  },

  // Account-level roles (the tenant's Super_Administrator and Admin), members of the project or not
  {
    description: "the account's Super_Administrator switches ProjectProtection (the account's operation permissions)",
    actor: "tsa",
    operation: { kind: "SetSecurityConfig", setting: "ProjectProtection" },
    effect: "Allow",
    decidedBy: "Administration",
  },
  {
    description: "the account's Super_Administrator edits the IP whitelist",
    actor: "tsa",
    operation: { kind: "EditWhitelist" },
    effect: "Allow",
    decidedBy: "Administration",
  },
  {
    description: "the account's Super_Administrator assigns the Super_Administrator role",
    actor: "tsa",
    operation: { kind: "AssignRole", roleName: "Super_Administrator", targetUserId: "u-bob" },
    effect: "Allow",
    decidedBy: "Administration",
  },
  {
    description: "the account's Super_Administrator still cannot remove the owner",
    actor: "tsa",
    operation: { kind: "RemoveMember", targetUserId: "u-alice" },
    effect: "Deny",
    decidedBy: "Administration",
  },
  {
    description: "the account's Admin adds a member",
    actor: "tadm",
    operation: { kind: "AddMember", target: { userId: "u-new", accountId: "acc-w", kind: "sub" } },
    effect: "Allow",
    decidedBy: "Administration",
  },
  {
    description: "the account's Admin grants on any object",
    actor: "tadm",
    operation: selectOn("t1", { type: "User", userId: "u-allen" }),
    effect: "Allow",
    decidedBy: "Administration",
  },
  {
    description: "the account's Admin sets data labels",
    actor: "tadm",
    operation: { kind: "SetObjectLabel", object: { type: "Table", name: "user_profile" } },
    effect: "Allow",
    decidedBy: "Administration",
  },
  {
    description: "the account's Admin cannot edit policies (Admin's limits)",
    actor: "tadm",
    operation: { kind: "EditPolicy", roleName: null },
    effect: "Deny",
    decidedBy: "Administration",
  },
  {
    description: "the account's Admin cannot assign the Admin role",
    actor: "tadm",
    operation: { kind: "AssignRole", roleName: "Admin", targetUserId: "u-bob" },
    effect: "Deny",
    decidedBy: "Administration",
  },
  {
    description: "a project Super_Administrator who is also the account's Admin keeps the stronger project role",
    actor: "sa",
    state: (s) => {
      s.users.find((u) => u.id === "u-sa")!.accountRole = "Admin";
    },
    operation: { kind: "EditPolicy", roleName: null },
    effect: "Allow",
    decidedBy: "Administration",
  },
  {
    description: "a disabled account Super_Administrator is refused",
    actor: "tsa",
    state: (s) => {
      s.users.find((u) => u.id === "u-tsa")!.disabled = true;
    },
    operation: { kind: "EditWhitelist" },
    effect: "Deny",
    decidedBy: "Identity",
  },
  {
    description: "another account's Super_Administrator has no power here",
    actor: "dave",
    state: (s) => {
      s.users.find((u) => u.id === "u-dave")!.accountRole = "Super_Administrator";
    },
    operation: { kind: "EditWhitelist" },
    effect: "Deny",
    decidedBy: "Identity",
  },
  {
    description: "another account's primary account holding an account role there is only a member here",
    actor: "carol",
    state: (s) => {
      s.users.find((u) => u.id === "u-carol")!.accountRole = "Super_Administrator";
    },
    operation: { kind: "EditWhitelist" },
    effect: "Deny",
    decidedBy: "Administration",
  },
  {
    description: "the account's Super_Administrator is held to the IP whitelist",
    actor: "tsa",
    state: (s) => {
      s.whitelist.project = ["10.0.0.0/8"];
    },
    sourceIp: "8.8.8.8",
    operation: { kind: "EditWhitelist" },
    effect: "Deny",
    decidedBy: "Whitelist",
  },

  // Identity and network apply to administration too
  {
    description: "a removed member cannot administer",
    actor: "eve",
    operation: { kind: "EditWhitelist" },
    effect: "Deny",
    decidedBy: "Identity",
  },
  {
    description: "another account's RAM user wrongly listed as Super_Administrator is refused",
    actor: "dave",
    state: (s) => {
      s.roleAssignments.push({ roleId: "r-sa", userId: "u-dave" });
    },
    operation: { kind: "EditWhitelist" },
    effect: "Deny",
    decidedBy: "Identity",
  },
  {
    description: "a whitelist miss blocks the owner's administration",
    actor: "alice",
    state: (s) => {
      s.whitelist.project = ["10.0.0.0/8"];
    },
    sourceIp: "8.8.8.8",
    operation: { kind: "EditWhitelist" },
    effect: "Deny",
    decidedBy: "Whitelist",
  },
];

describe("administrative decision table", () => {
  it.each(cases)("$description", (testCase) => {
    const snapshot = baseSnapshot();
    testCase.state?.(snapshot);
    const decision = decideAdmin(
      compile(snapshot),
      adminRequest(testCase.actor, testCase.operation, testCase.sourceIp),
    );
    expect({ effect: decision.effect, decidedBy: decision.decidedBy }).toEqual({
      effect: testCase.effect,
      decidedBy: testCase.decidedBy,
    });
    expect(decision.steps.at(-1)?.text.length ?? 0).toBeGreaterThan(0);
  });
});
