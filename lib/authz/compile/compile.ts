import { compileIpSet } from "../ip/ip-set";
import { privilegeMask } from "../model/privileges";
import { normalizeName } from "../model/principal";
import type { SecuritySnapshot } from "../snapshot";
import { createDecisionCache } from "./decision-cache";
import { ROLE_SUBJECT_BASE, buildGrantStore } from "./grant-store";
import {
  findObject,
  foreignKey,
  type IndexedObject,
  type IndexedRole,
  type IndexedUser,
  type ObjectsByType,
  type SecurityIndex,
} from "./index-types";
import { compileLabelGrants } from "./label-grants";
import { emptyBuckets } from "./policy-buckets";
import { addPolicyText } from "./statements";

/**
 * Names are lower-cased with toLowerCase rather than normalizeName at compile: besides lower-casing, it
 * returns a flat string, so the keys the index stores compare with one memory read (a concatenated "cons"
 * string, as template literals build, costs a pointer chase on every comparison).
 */
const lower = (name: string) => name.toLowerCase();

/** Objects without column labels share this empty map; compile gives an object its own map on its first label. */
const NO_COLUMN_LABELS: ReadonlyMap<string, number> = new Map();

function compileUsers(
  snapshot: SecuritySnapshot,
  roles: IndexedRole[],
  roleIntById: Map<string, number>,
): { users: IndexedUser[]; userById: Map<string, number> } {
  const accountId = snapshot.project.accountId;
  const activeMembers = new Set<string>();
  for (const member of snapshot.members) if (member.removedAt === null) activeMembers.add(member.userId);
  const userById = new Map<string, number>();
  const users = snapshot.users.map((user, int): IndexedUser => {
    userById.set(user.id, int);
    return {
      int,
      id: user.id,
      accountId: user.accountId,
      kind: user.kind,
      principalName: lower(user.principalName),
      displayName: user.principalName,
      contact:
        user.email !== undefined && user.displayName !== undefined
          ? { email: user.email, displayName: user.displayName }
          : null,
      disabled: user.disabled,
      isMember: activeMembers.has(user.id),
      roles: [],
      subjects: [int],
      adminRole: null,
      // INVARIANT: an account-level role has power only in the projects of its own account.
      accountRole: user.accountId === accountId ? (user.accountRole ?? null) : null,
      clearance: 0,
      ownClearance: 0,
    };
  });
  for (const assignment of snapshot.roleAssignments) {
    const user = users[userById.get(assignment.userId) ?? -1];
    const roleInt = roleIntById.get(assignment.roleId);
    const role = roleInt === undefined ? undefined : roles[roleInt];
    if (!user || !role || user.roles.includes(role.int)) continue;
    user.roles.push(role.int);
    user.subjects.push(ROLE_SUBJECT_BASE + role.int);
    if (role.kind === "Super_Administrator" || (role.kind === "Admin" && user.adminRole === null))
      user.adminRole = role.kind;
  }
  for (const label of snapshot.labels.users) {
    const user = users[userById.get(label.userId) ?? -1];
    if (user) user.ownClearance = label.level;
  }
  // INVARIANT: a user's effective clearance is the highest of their own label and their roles' labels.
  for (const user of users) {
    user.clearance = user.ownClearance;
    for (const roleInt of user.roles) user.clearance = Math.max(user.clearance, roles[roleInt]!.clearance);
  }
  return { users, userById };
}

/** Column lists are kept as given when already lower-case (objects often share one list). */
function lowerColumns(columns: readonly string[]): readonly string[] {
  for (const column of columns) if (normalizeName(column) !== column) return columns.map(lower);
  return columns;
}

interface CompiledObjects {
  objects: IndexedObject[];
  objectById: Map<string, number>;
  objectsByType: ObjectsByType;
}

/** The project itself (int 0), the catalog, then the packages; with both lookups, in one pass. */
function compileObjects(snapshot: SecuritySnapshot, userById: Map<string, number>): CompiledObjects {
  const objects: IndexedObject[] = [];
  const objectById = new Map<string, number>();
  const objectsByType: ObjectsByType = new Map();
  const add = (object: IndexedObject) => {
    objects.push(object);
    objectById.set(object.id, object.int);
    let byName = objectsByType.get(object.type);
    if (!byName) objectsByType.set(object.type, (byName = new Map()));
    byName.set(object.name, object.int);
  };
  add({
    int: 0,
    id: snapshot.project.id,
    type: "Project",
    name: lower(snapshot.project.name),
    creatorInt: -1,
    columns: [],
    label: 0,
    columnLabels: NO_COLUMN_LABELS,
  });
  for (const object of snapshot.objects) {
    add({
      int: objects.length,
      id: object.id,
      type: object.type,
      name: lower(object.name),
      creatorInt: object.creatorUserId === null ? -1 : (userById.get(object.creatorUserId) ?? -1),
      columns: lowerColumns(object.columns),
      label: 0,
      columnLabels: NO_COLUMN_LABELS,
    });
  }
  for (const pkg of snapshot.packages) {
    add({
      int: objects.length,
      id: pkg.id,
      type: "Package",
      name: lower(`${pkg.ownerProject}.${pkg.name}`),
      creatorInt: -1,
      columns: [],
      label: 0,
      columnLabels: NO_COLUMN_LABELS,
    });
  }
  return { objects, objectById, objectsByType };
}

function applyObjectLabels(
  snapshot: SecuritySnapshot,
  objects: IndexedObject[],
  objectById: Map<string, number>,
): void {
  for (const label of snapshot.labels.objects) {
    const object = objects[objectById.get(label.objectId) ?? -1];
    if (!object) continue;
    if (label.column === null) {
      object.label = label.level;
    } else {
      if (object.columnLabels === NO_COLUMN_LABELS) object.columnLabels = new Map();
      (object.columnLabels as Map<string, number>).set(lower(label.column), label.level);
    }
  }
}

/** Builds the in-memory index of a snapshot: integer ids, role closure, bucketed policies, ACL grant store. */
export interface CompileOptions {
  /** Most decisions the index's decision cache keeps (default DECISION_CACHE_CAPACITY). */
  decisionCacheCapacity?: number;
}

export function compile(snapshot: SecuritySnapshot, options: CompileOptions = {}): SecurityIndex {
  const projectName = lower(snapshot.project.name);
  const roles = snapshot.roles.map((role, int): IndexedRole => ({
    int,
    id: role.id,
    name: role.name,
    kind: role.kind,
    clearance: 0,
  }));
  const roleIntById = new Map(roles.map((role) => [role.id, role.int]));
  for (const label of snapshot.labels.roles ?? []) {
    const role = roles[roleIntById.get(label.roleId) ?? -1];
    if (role) role.clearance = label.level;
  }
  const { users, userById } = compileUsers(snapshot, roles, roleIntById);
  const { objects, objectById, objectsByType } = compileObjects(snapshot, userById);
  applyObjectLabels(snapshot, objects, objectById);
  const errors: string[] = [];
  const grants = buildGrantStore(
    snapshot.grants,
    objects.length,
    { objectById, userById, roleById: roleIntById },
    errors,
  );

  const index: SecurityIndex = {
    securityVersion: snapshot.securityVersion,
    project: {
      id: snapshot.project.id,
      name: projectName,
      accountId: snapshot.project.accountId,
      ownerInt: userById.get(snapshot.project.ownerUserId) ?? -1,
    },
    config: snapshot.config,
    trustedProjects: new Set(snapshot.trustedProjectIds),
    users,
    userById,
    userByPrincipalName: new Map(users.map((user) => [user.principalName, user.int])),
    roles,
    roleById: roleIntById,
    roleByName: new Map(roles.map((role) => [lower(role.name), role.int])),
    objects,
    objectsByType,
    objectById,
    grants,
    labelGrants: compileLabelGrants(snapshot, objects, objectById, { users, userById, roles, roleById: roleIntById }),
    policy: emptyBuckets(),
    statementsByObject: new Array<readonly number[] | undefined>(objects.length).fill(undefined),
    brokenProjectPolicy: null,
    brokenRolePolicies: new Map(),
    exceptionPolicy: null,
    brokenExceptionPolicy: null,
    foreignObjects: new Map(),
    packageShares: new Map(),
    whitelist: { system: compileIpSet(snapshot.whitelist.system), project: compileIpSet(snapshot.whitelist.project) },
    errors,
    decisions: createDecisionCache(options.decisionCacheCapacity),
  };
  errors.push(...index.whitelist.system.errors, ...index.whitelist.project.errors);

  for (const policy of snapshot.policies) {
    const roleInt = policy.roleId === null ? -1 : roleIntById.get(policy.roleId);
    if (roleInt === undefined) continue;
    const error = addPolicyText(index.policy, projectName, { ...policy, roleInt });
    if (!error) continue;
    errors.push(error);
    if (roleInt < 0) index.brokenProjectPolicy = error;
    else index.brokenRolePolicies.set(roleInt, error);
  }

  if (snapshot.config.exceptionPolicy !== null) {
    const buckets = emptyBuckets();
    const error = addPolicyText(buckets, projectName, {
      id: "exception-policy",
      name: "ProjectProtection exception",
      roleInt: -1,
      document: snapshot.config.exceptionPolicy,
    });
    if (error) {
      errors.push(error);
      index.brokenExceptionPolicy = error;
    } else {
      index.exceptionPolicy = buckets;
    }
  }

  for (const pkg of snapshot.packages) {
    const packageInt = index.objectById.get(pkg.id)!;
    const packageName = objects[packageInt]!.name;
    if (pkg.ownerProjectId === snapshot.project.id) {
      const projects = new Set(pkg.installedInto.map((install) => install.projectId));
      for (const shared of pkg.objects) {
        const objectInt = findObject(index, shared.type, lower(shared.name));
        if (objectInt < 0) continue;
        const list = index.packageShares.get(objectInt) ?? [];
        list.push({ packageName, mask: privilegeMask(shared.privileges), projects });
        index.packageShares.set(objectInt, list);
      }
      continue;
    }
    const install = pkg.installedInto.find((candidate) => candidate.projectId === snapshot.project.id);
    if (!install) continue;
    const owner = lower(pkg.ownerProject);
    for (const shared of pkg.objects) {
      const key = foreignKey(owner, shared.type, lower(shared.name));
      const list = index.foreignObjects.get(key) ?? [];
      list.push({
        packageInt,
        packageName,
        mask: privilegeMask(shared.privileges),
        labelSecurity: pkg.labelSecurity,
        installLabel: install.label,
        label: shared.label,
        columnLabels: new Map(Object.entries(shared.columnLabels).map(([column, level]) => [lower(column), level])),
      });
      index.foreignObjects.set(key, list);
    }
  }
  return index;
}
