import type { IndexedUser, SecurityIndex } from "../compile/index-types";
import { findObject } from "../compile/index-types";
import type { Decision, Step } from "../decision";
import { resolveIdentity } from "../layers/identity";
import { checkWhitelist } from "../layers/whitelist";
import { isPrivilegeOf } from "../model/privileges";
import type { AdminOperation, AdminRequest } from "./admin-request";
import { authorityOf, authoritySource, checkAuthorizationTarget, mayManageRole, type Authority } from "./authority";

type Ruling = { allow: boolean; ruleId: string; text: string };

const allow = (ruleId: string, text: string): Ruling => ({ allow: true, ruleId, text });
const refuse = (ruleId: string, text: string): Ruling => ({ allow: false, ruleId, text });

const OWNER_ONLY_SETTINGS = new Set([
  "LabelSecurity",
  "NoWriteDown",
  "ProjectProtection",
  "TrustedProjects",
  "ExceptionPolicy",
]);

function byAuthority(authority: Authority, allowed: readonly Authority[], what: string): Ruling {
  return allowed.includes(authority)
    ? allow(
        `admin:${authority}`,
        `${authority === "Member" ? "A member" : authority === "Owner" ? "The project owner (or the account's Super_Administrator)" : `The ${authority} role`} may ${what}`,
      )
    : refuse(`admin:${authority}`, `Only ${allowed.join(" or ")} may ${what}`);
}

const MANAGERS: readonly Authority[] = ["Owner", "Super_Administrator", "Admin"];
const SECURITY_ADMINS: readonly Authority[] = ["Owner", "Super_Administrator"];

function ruleGrant(
  index: SecurityIndex,
  actor: IndexedUser,
  authority: Authority,
  operation: Extract<AdminOperation, { kind: "Grant" | "Revoke" }>,
): Ruling {
  const { object, privileges, grantee } = operation;
  const name = object.name.toLowerCase();
  const invalid = privileges.find((privilege) => !isPrivilegeOf(object.type, privilege));
  if (invalid) return refuse("grant:invalid-privilege", `${invalid} is not a privilege of ${object.type} objects`);
  const objectInt =
    object.type === "Project" ? (name === index.project.name ? 0 : -1) : findObject(index, object.type, name);
  if (objectInt < 0)
    return refuse(
      "grant:unknown-object",
      `${object.type} ${object.name} does not exist in project ${index.project.name}`,
    );
  let roleInt: number | undefined;
  if (grantee.type === "Role") {
    roleInt = index.roleByName.get(grantee.roleName.toLowerCase());
    const role = roleInt === undefined ? undefined : index.roles[roleInt];
    if (!role) return refuse("grant:unknown-role", `Role ${grantee.roleName} does not exist`);
    if (role.kind !== "Custom" && authority !== "Owner" && authority !== "Super_Administrator") {
      return refuse(
        "grant:builtin-role",
        `Only the owner or Super_Administrator may change the privileges of the built-in role ${role.name}`,
      );
    }
  } else if (operation.kind === "Grant") {
    const target = checkAuthorizationTarget(index, actor, grantee.userId);
    if (!target.ok) return refuse(target.ruleId, target.text);
  }
  const verb = operation.kind === "Grant" ? "grant" : "revoke";
  if (MANAGERS.includes(authority))
    return byAuthority(authority, MANAGERS, `${verb} privileges on every object of the project`);
  const created = index.objects[objectInt]!.creatorInt === actor.int;
  if (created && index.config.objectCreatorHasGrantPermission) {
    // The creator's grant permission shares the object with others. Their own access is
    // ObjectCreatorHasAccessPermission's alone: a grant to themselves (or to a role they hold) would give it
    // with that switch off, and would outlive its being switched off.
    const toSelf = grantee.type === "User" ? grantee.userId === actor.id : actor.roles.includes(roleInt!);
    if (operation.kind === "Grant" && toSelf) {
      return refuse(
        "creator-grant:self",
        `${actor.displayName} created ${object.type} ${name} but may not grant on it to themselves or to a role they hold: a creator's own access comes from ObjectCreatorHasAccessPermission only`,
      );
    }
    return allow(
      "creator-grant",
      `${actor.displayName} created ${object.type} ${name} and ObjectCreatorHasGrantPermission is on`,
    );
  }
  return refuse(
    "grant:not-grantable",
    `${actor.displayName} may not ${verb} privileges on ${object.type} ${name}: only the owner, Super_Administrator, Admin${created ? "" : " or its creator"} can${created ? " (ObjectCreatorHasGrantPermission is off)" : " (with ObjectCreatorHasGrantPermission)"}`,
  );
}

function ruleRole(
  index: SecurityIndex,
  actor: IndexedUser,
  authority: Authority,
  operation: Extract<AdminOperation, { kind: "AssignRole" | "RevokeRole" }>,
): Ruling {
  const roleInt = index.roleByName.get(operation.roleName.toLowerCase());
  const role = roleInt === undefined ? undefined : index.roles[roleInt];
  if (!role) return refuse("role:unknown", `Role ${operation.roleName} does not exist`);
  if (!mayManageRole(authority, role)) {
    return refuse(
      `role:${role.kind}`,
      role.kind === "Custom"
        ? `Only the owner, Super_Administrator or Admin may assign or revoke roles`
        : `Only the owner or Super_Administrator may assign or revoke the ${role.name} role`,
    );
  }
  if (operation.kind === "AssignRole") {
    const target = checkAuthorizationTarget(index, actor, operation.targetUserId);
    if (!target.ok) return refuse(target.ruleId, target.text);
  }
  return allow(
    `admin:${authority}`,
    `${authority === "Owner" ? "The project owner (or the account's Super_Administrator)" : `The ${authority} role`} may assign and revoke the ${role.name} role`,
  );
}

function ruleRemoveMember(index: SecurityIndex, authority: Authority, targetUserId: string): Ruling {
  const targetInt = index.userById.get(targetUserId);
  if (targetInt !== undefined && targetInt === index.project.ownerInt)
    return refuse("member:owner", "The project owner cannot be removed");
  const target = targetInt === undefined ? undefined : index.users[targetInt];
  if (authority === "Admin" && target?.adminRole)
    return refuse(
      "member:admin-target",
      `The Admin role may not remove ${target.displayName}, who holds ${target.adminRole}`,
    );
  return byAuthority(authority, MANAGERS, "remove members");
}

function rule(index: SecurityIndex, actor: IndexedUser, authority: Authority, operation: AdminOperation): Ruling {
  switch (operation.kind) {
    case "AddMember":
      if (operation.target.kind === "sub" && operation.target.accountId !== index.project.accountId) {
        return refuse(
          "member:foreign-sub-account",
          "A RAM user of another account cannot be added to the project; add its primary account instead",
        );
      }
      return byAuthority(authority, MANAGERS, "add members");
    case "RemoveMember":
      return ruleRemoveMember(index, authority, operation.targetUserId);
    case "Grant":
    case "Revoke":
      return ruleGrant(index, actor, authority, operation);
    case "AssignRole":
    case "RevokeRole":
      return ruleRole(index, actor, authority, operation);
    case "CreateRole":
    case "DropRole": {
      if (["super_administrator", "admin"].includes(operation.roleName.toLowerCase()))
        return refuse("role:builtin", `${operation.roleName} is a built-in role`);
      return byAuthority(authority, MANAGERS, "create and drop custom roles");
    }
    case "SetUserLabel":
      return byAuthority(authority, MANAGERS, "set user clearance labels");
    case "SetRoleLabel":
      return byAuthority(authority, MANAGERS, "set role clearance labels");
    case "SetObjectLabel":
      return byAuthority(authority, MANAGERS, "set data labels");
    case "GrantLabel": {
      const target = checkAuthorizationTarget(index, actor, operation.targetUserId);
      if (!target.ok) return refuse(target.ruleId, target.text);
      return byAuthority(authority, MANAGERS, "grant labels");
    }
    case "RevokeLabel":
    case "RevokeRoleLabel":
      return byAuthority(authority, MANAGERS, "revoke labels");
    case "GrantRoleLabel":
      return byAuthority(authority, MANAGERS, "grant labels");
    case "ClearExpiredLabelGrants":
      return byAuthority(authority, MANAGERS, "clear expired label grants");
    case "EditPolicy":
      return byAuthority(
        authority,
        SECURITY_ADMINS,
        `edit ${operation.roleName === null ? "the project policy" : "role policies"}`,
      );
    case "ManagePackage":
      return byAuthority(authority, MANAGERS, `create, share and drop packages (${operation.packageName})`);
    case "InstallPackage":
      return byAuthority(authority, MANAGERS, `install and uninstall packages (${operation.packageName})`);
    case "EditWhitelist":
      return byAuthority(authority, SECURITY_ADMINS, "edit the IP whitelist");
    case "EditWebhook":
      return byAuthority(authority, SECURITY_ADMINS, "configure the project's webhook");
    case "SetSecurityConfig":
      return OWNER_ONLY_SETTINGS.has(operation.setting)
        ? byAuthority(authority, ["Owner"], `change ${operation.setting}`)
        : byAuthority(authority, SECURITY_ADMINS, `change ${operation.setting}`);
  }
}

/** Decides an administrative action: Identity, IP whitelist, then the role rules (see README). */
export function decideAdmin(index: SecurityIndex, request: AdminRequest): Decision {
  const steps: Step[] = [];
  const done = (effect: "Allow" | "Deny", decidedBy: Step["layer"]): Decision => ({
    effect,
    decidedBy,
    steps,
    columns: [],
    errors: [],
    securityVersion: index.securityVersion,
  });
  if (request.project.toLowerCase() !== index.project.name) {
    steps.push({
      layer: "Default",
      verdict: "Deny",
      ruleId: "request:invalid",
      text: `Request for project ${request.project} evaluated against project ${index.project.name}`,
    });
    return done("Deny", "Default");
  }
  const identity = resolveIdentity(index, request.principal);
  if (!identity.ok) {
    steps.push({ layer: "Identity", verdict: "Deny", ruleId: identity.ruleId, text: identity.text });
    return done("Deny", "Identity");
  }
  const authority = authorityOf(identity.user, identity.isOwner);
  steps.push({
    layer: "Identity",
    verdict: "Pass",
    ruleId: null,
    text: `${identity.user.displayName} acts as ${authoritySource(identity.user, identity.isOwner, authority)}`,
  });
  const whitelist = checkWhitelist(index, request.context.sourceIp).step;
  steps.push(whitelist);
  if (whitelist.verdict === "Deny") return done("Deny", "Whitelist");
  const ruling = rule(index, identity.user, authority, request.operation);
  steps.push({
    layer: "Administration",
    verdict: ruling.allow ? "Allow" : "Deny",
    ruleId: ruling.ruleId,
    text: ruling.text,
  });
  return done(ruling.allow ? "Allow" : "Deny", "Administration");
}
