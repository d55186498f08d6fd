import type { IpSet } from "../ip/ip-set";
import type { GlobMatcher } from "../model/glob";
import type { ObjectType } from "../model/privileges";
import type { CompiledCondition } from "../policy/conditions";
import type { DecisionCache } from "./decision-cache";
import type { GrantStore } from "./grant-store";
import type { PrincipalKind } from "../model/principal";
import type { SecuritySnapshot } from "../snapshot";

export type AdminRoleKind = "Super_Administrator" | "Admin";

export interface IndexedUser {
  int: number;
  id: string;
  accountId: string;
  kind: PrincipalKind;
  /** Lower-cased canonical name, compared with policy principals. */
  principalName: string;
  displayName: string;
  /** The person's email and display name from the snapshot, when it carried them (the loader always does). */
  contact: { email: string; displayName: string } | null;
  disabled: boolean;
  isMember: boolean;
  /** Role ints of the user's assignments (the closure: MaxCompute roles do not nest). */
  roles: number[];
  /** ACL subjects: the user's int, then ROLE_SUBJECT_BASE + each role int. */
  subjects: number[];
  /** Strongest built-in administrative role held, if any. */
  adminRole: AdminRoleKind | null;
  /** The account-level administrative role held, if any; null unless the user belongs to the project's account. */
  accountRole: AdminRoleKind | null;
  /** Effective LabelSecurity clearance: the highest of the user's own label and their roles'. */
  clearance: number;
  /** The user's own label (SET LABEL n TO USER), before their roles'. */
  ownClearance: number;
}

export interface IndexedRole {
  int: number;
  id: string;
  name: string;
  kind: "Super_Administrator" | "Admin" | "Custom";
  /** SET LABEL n TO ROLE: counted in every member's clearance. */
  clearance: number;
}

export interface IndexedObject {
  int: number;
  id: string;
  type: ObjectType;
  /** Lower-cased; packages are named `<owner project>.<package>`. */
  name: string;
  creatorInt: number;
  columns: readonly string[];
  label: number;
  columnLabels: ReadonlyMap<string, number>;
}

export interface IndexedLabelGrant {
  id: string;
  /** The grantee: a user int, or -1 for a grant to a role. */
  userInt: number;
  /** The grantee role's int (the grant covers its members), or -1 for a grant to a user. */
  roleInt: number;
  level: number;
  columns: ReadonlySet<string> | null;
  expiresAt: number;
  text: string;
}

export interface IndexedStatement {
  id: string;
  text: string;
  effect: "Allow" | "Deny";
  /** -1 for a project policy; otherwise the role whose members it applies to. */
  roleInt: number;
  /** null = no Principal element (role policies): every member of the role. */
  principals: { exact: ReadonlySet<string>; globs: readonly GlobMatcher[] } | null;
  actionMask: number;
  resources: readonly GlobMatcher[];
  condition: CompiledCondition | null;
  /** Context fields (CONTEXT_* bits) the condition may read. */
  conditionFields: number;
}

/** Statements (by ordinal) of one collection (`tables/`, `functions/`...) bucketed by object name. */
export interface CollectionBuckets {
  byName: Map<string, number[]>;
  byPrefix: Map<string, number[]>;
  /** Distinct name-prefix lengths present in byPrefix, ascending. */
  prefixLengths: number[];
}

/**
 * Statements bucketed by the literal prefix of their resource paths (see policy-buckets.ts). Buckets hold
 * ordinals; the action mask and role of each statement are also kept by ordinal, in flat arrays, so that
 * filtering a bucket by request reads two numbers per statement and touches only the statements that pass.
 */
export interface PolicyBuckets {
  collections: Map<string, CollectionBuckets>;
  /** Ordinals of the statements whose patterns stop before an object name (they may name any object). */
  broad: number[];
  statements: IndexedStatement[];
  actions: number[];
  roles: number[];
}

export interface ForeignObject {
  packageInt: number;
  packageName: string;
  mask: number;
  labelSecurity: boolean;
  installLabel: number;
  label: number;
  columnLabels: ReadonlyMap<string, number>;
}

export interface PackageShare {
  packageName: string;
  mask: number;
  /** Ids of the projects the package is installed into. */
  projects: ReadonlySet<string>;
}

export interface SecurityIndex {
  securityVersion: number;
  project: { id: string; name: string; accountId: string; ownerInt: number };
  config: SecuritySnapshot["config"];
  /** Project ids. */
  trustedProjects: ReadonlySet<string>;
  users: IndexedUser[];
  userById: Map<string, number>;
  userByPrincipalName: Map<string, number>;
  roles: IndexedRole[];
  roleById: Map<string, number>;
  roleByName: Map<string, number>;
  objects: IndexedObject[];
  /** Per object type: lower-cased name → object int. */
  objectsByType: ObjectsByType;
  objectById: Map<string, number>;
  /** ACL grants; subjects are user ints, and ROLE_SUBJECT_BASE + role int for roles. */
  grants: GrantStore;
  /** Label grants by object int. */
  labelGrants: Map<number, IndexedLabelGrant[]>;
  policy: PolicyBuckets;
  /**
   * Per catalog object, filled on first use: the ordinals of the statements of `policy` bucketed under its
   * name (bucket order, without duplicates). Policies change only by a full compile.
   */
  statementsByObject: (readonly number[] | undefined)[];
  /** Why a policy document is unusable: project-wide (null role) or per role int. Fail closed. */
  brokenProjectPolicy: string | null;
  brokenRolePolicies: Map<number, string>;
  exceptionPolicy: PolicyBuckets | null;
  brokenExceptionPolicy: string | null;
  foreignObjects: Map<string, ForeignObject[]>;
  packageShares: Map<number, PackageShare[]>;
  whitelist: { system: IpSet; project: IpSet };
  errors: string[];
  /** Decisions kept for reuse (see decision-cache.ts); owned by this index, emptied with it. */
  decisions: DecisionCache;
}

export type ObjectsByType = Map<ObjectType, Map<string, number>>;

export { ROLE_SUBJECT_BASE } from "./grant-store";

export function findObject(index: SecurityIndex, type: ObjectType, name: string): number {
  return index.objectsByType.get(type)?.get(name) ?? -1;
}

export function foreignKey(project: string, type: ObjectType, name: string): string {
  return `${project}:${type}:${name}`;
}
