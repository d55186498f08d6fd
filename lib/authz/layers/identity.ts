import type { IndexedUser, SecurityIndex } from "../compile/index-types";
import type { RequestPrincipal } from "../request";
import { constantResult, uniform, type Evaluation, type LayerResult } from "./evaluation";

const MEMBER = constantResult("Identity", "Pass", "The principal is an active member of the project");

export type IdentityCheck =
  { ok: false; ruleId: string; text: string } | { ok: true; user: IndexedUser; isOwner: boolean };

/**
 * Who the principal is in this project. INVARIANT: a sub-account of another account is never let in,
 * even if the snapshot lists it as a member; a removed member is not a member.
 */
export function resolveIdentity(index: SecurityIndex, principal: RequestPrincipal): IdentityCheck {
  const userInt = index.userById.get(principal.userId);
  const user = userInt === undefined ? undefined : index.users[userInt];
  if (!user)
    return {
      ok: false,
      ruleId: "identity:unknown",
      text: `Unknown principal ${principal.userId}: not the owner or a member of project ${index.project.name}`,
    };
  if (user.accountId !== principal.accountId || user.kind !== principal.kind) {
    return {
      ok: false,
      ruleId: "identity:mismatch",
      text: `Principal ${user.displayName} does not match the directory (account or account type differs)`,
    };
  }
  if (principal.disabled || user.disabled)
    return { ok: false, ruleId: "identity:disabled", text: `${user.displayName} is disabled` };
  if (user.kind === "sub" && user.accountId !== index.project.accountId) {
    return {
      ok: false,
      ruleId: "identity:foreign-sub-account",
      text: `${user.displayName} is a RAM user of another account; such users can never be members of project ${index.project.name}`,
    };
  }
  const isOwner =
    user.int === index.project.ownerInt && user.kind === "primary" && user.accountId === index.project.accountId;
  if (!isOwner && !user.isMember && user.accountRole === null)
    return {
      ok: false,
      ruleId: "identity:not-member",
      text: `${user.displayName} is not a member of project ${index.project.name} (never added or removed)`,
    };
  return { ok: true, user, isOwner };
}

/** Why a user holds every privilege on the project's objects (owner, built-in role, account-level role), if they do. */
function standingOf(user: IndexedUser, isOwner: boolean, project: string): { ruleId: string; who: string } | null {
  if (isOwner) return { ruleId: "identity:owner", who: `${user.displayName} owns project ${project}` };
  if (user.adminRole)
    return {
      ruleId: `identity:role:${user.adminRole}`,
      who: `${user.displayName} holds the built-in role ${user.adminRole}`,
    };
  if (user.accountRole) {
    return {
      ruleId: `identity:account-role:${user.accountRole}`,
      who: `${user.displayName} holds the account-level role ${user.accountRole} of the project's account`,
    };
  }
  return null;
}

export function identityLayer(evaluation: Evaluation): LayerResult {
  const identity = resolveIdentity(evaluation.index, evaluation.request.principal);
  if (!identity.ok) return uniform("Identity", "Deny", identity.ruleId, identity.text);
  const { user, isOwner } = identity;
  evaluation.user = user;
  evaluation.exempt = isOwner || user.adminRole !== null || user.accountRole !== null;
  const standing = standingOf(user, isOwner, evaluation.index.project.name);
  if (!standing) return MEMBER;
  // Owner and administrators hold every privilege on this project's objects, not on other projects' packages.
  if (evaluation.foreignProject !== null)
    return uniform(
      "Identity",
      "Pass",
      null,
      `${standing.who}; objects of project ${evaluation.foreignProject} are reached only through packages`,
    );
  return uniform(
    "Identity",
    "Allow",
    standing.ruleId,
    `${standing.who}, which has every privilege on the project's objects`,
  );
}
