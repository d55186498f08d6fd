import type { SecurityIndex } from "../compile/index-types";
import { administers } from "./administers";

/** Who is asking to read a project's security state: the user and their account-level roles. */
export interface InspectingUser {
  userId: string;
  tenantId: string;
  tenantRoles: readonly string[];
}

/**
 * Whether a user may READ the project's security state (members, roles, grants, label grants, policies,
 * whitelist, settings, packages, requests, others' effective access): its administrators (`administers`), and
 * the auditors of the project's own account (the account-level Auditor role), who read and never change.
 * INVARIANT: an auditor of another account inspects nothing here; inspecting grants no administrative
 * operation (decideAdmin knows nothing of auditors).
 */
export function inspects(index: SecurityIndex, user: InspectingUser): boolean {
  return administers(index, user.userId) || auditsProject(index, user);
}

/** The account-level Auditor of the project's own account. */
export function auditsProject(index: SecurityIndex, user: InspectingUser): boolean {
  return user.tenantId === index.project.accountId && user.tenantRoles.includes("AUDITOR");
}
