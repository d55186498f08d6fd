import { compileIpSet } from "../ip/ip-set";
import { privilegeMask } from "../model/privileges";
import { normalizeName } from "../model/principal";
import type { SecuritySnapshot } from "../snapshot";
import { ROLE_SUBJECT_BASE, buildGrantStore } from "./grant-store";
import {
  findObject, foreignKey,
  type IndexedLabelGrant, type IndexedObject, type IndexedRole, type IndexedUser, type ObjectsByType, type SecurityIndex,
} from "./index-types";
import { emptyBuckets } from "./policy-buckets";
import { addPolicyText } from "./statements";

function compileUsers(snapshot: SecuritySnapshot, roles: IndexedRole[], roleIntById: Map<string, number>): { users: IndexedUser[]; userById: Map<string, number> } {
  const activeMembers = new Set(snapshot.members.filter((member) => member.removedAt === null).map((member) => member.userId));
  const userById = new Map<string, number>();
  const users = snapshot.users.map((user, int): IndexedUser => {
    userById.set(user.id, int);
    return {
      int, id: user.id, accountId: user.accountId, kind: user.kind,
      principalName: normalizeName(user.principalName), displayName: user.principalName,
      disabled: user.disabled, isMember: activeMembers.has(user.id), roles: [], subjects: [int], adminRole: null, clearance: 0,
    };
  });
  for (const assignment of snapshot.roleAssignments) {
    const user = users[userById.get(assignment.userId) ?? -1];
    const roleInt = roleIntById.get(assignment.roleId);
    const role = roleInt === undefined ? undefined : roles[roleInt];
    if (!user || !role || user.roles.includes(role.int)) continue;
    user.roles.push(role.int);
    user.subjects.push(ROLE_SUBJECT_BASE + role.int);
    if (role.kind === "Super_Administrator" || (role.kind === "Admin" && user.adminRole === null)) user.adminRole = role.kind;
  }
  for (const label of snapshot.labels.users) {
    const user = users[userById.get(label.userId) ?? -1];
    if (user) user.clearance = label.level;
  }
  return { users, userById };
}

function compileObjects(snapshot: SecuritySnapshot, userById: Map<string, number>): IndexedObject[] {
  const project = normalizeName(snapshot.project.name);
  const objects: IndexedObject[] = [
    { int: 0, id: snapshot.project.id, type: "Project", name: project, creatorInt: -1, columns: [], label: 0, columnLabels: new Map() },
  ];
  for (const object of snapshot.objects) {
    objects.push({
      int: objects.length, id: object.id, type: object.type, name: normalizeName(object.name),
      creatorInt: object.creatorUserId === null ? -1 : userById.get(object.creatorUserId) ?? -1,
      columns: object.columns.map(normalizeName), label: 0, columnLabels: new Map(),
    });
  }
  for (const pkg of snapshot.packages) {
    objects.push({
      int: objects.length, id: pkg.id, type: "Package", name: normalizeName(`${pkg.ownerProject}.${pkg.name}`),
      creatorInt: -1, columns: [], label: 0, columnLabels: new Map(),
    });
  }
  return objects;
}

/** Builds the in-memory index of a snapshot: integer ids, role closure, bucketed policies, ACL hash map. */
export function compile(snapshot: SecuritySnapshot): SecurityIndex {
  const projectName = normalizeName(snapshot.project.name);
  const roles = snapshot.roles.map((role, int): IndexedRole => ({ int, id: role.id, name: role.name, kind: role.kind }));
  const roleIntById = new Map(roles.map((role) => [role.id, role.int]));
  const { users, userById } = compileUsers(snapshot, roles, roleIntById);
  const objects = compileObjects(snapshot, userById);
  const errors: string[] = [];

  const objectById = new Map(objects.map((object) => [object.id, object.int]));
  const objectsByType: ObjectsByType = new Map();
  for (const object of objects) {
    let byName = objectsByType.get(object.type);
    if (!byName) objectsByType.set(object.type, (byName = new Map()));
    byName.set(object.name, object.int);
  }
  const grants = buildGrantStore(snapshot.grants, objects.length, { objectById, userById, roleById: roleIntById }, errors);

  const index: SecurityIndex = {
    securityVersion: snapshot.securityVersion,
    project: { id: snapshot.project.id, name: projectName, accountId: snapshot.project.accountId, ownerInt: userById.get(snapshot.project.ownerUserId) ?? -1 },
    config: snapshot.config,
    trustedProjects: new Set(snapshot.trustedProjects.map(normalizeName)),
    users,
    userById,
    userByPrincipalName: new Map(users.map((user) => [user.principalName, user.int])),
    roles,
    roleById: roleIntById,
    roleByName: new Map(roles.map((role) => [normalizeName(role.name), role.int])),
    objects,
    objectsByType,
    objectById,
    grants,
    labelGrants: new Map(),
    policy: emptyBuckets(),
    brokenProjectPolicy: null,
    brokenRolePolicies: new Map(),
    exceptionPolicy: null,
    brokenExceptionPolicy: null,
    foreignObjects: new Map(),
    packageShares: new Map(),
    whitelist: { system: compileIpSet(snapshot.whitelist.system), project: compileIpSet(snapshot.whitelist.project) },
    errors,
  };
  errors.push(...index.whitelist.system.errors, ...index.whitelist.project.errors);

  for (const label of snapshot.labels.objects) {
    const object = objects[index.objectById.get(label.objectId) ?? -1];
    if (!object) continue;
    if (label.column === null) object.label = label.level;
    else (object.columnLabels as Map<string, number>).set(normalizeName(label.column), label.level);
  }

  for (const grant of snapshot.labelGrants) {
    const objectInt = index.objectById.get(grant.objectId);
    const userInt = userById.get(grant.userId);
    if (objectInt === undefined || userInt === undefined) continue;
    const columns = grant.columns ? grant.columns.map(normalizeName) : null;
    const object = objects[objectInt]!;
    const entry: IndexedLabelGrant = {
      id: grant.id, userInt, level: grant.level, columns: columns ? new Set(columns) : null, expiresAt: grant.expiresAt,
      text: `GRANT LABEL ${grant.level} ON TABLE ${object.name}${columns ? `(${columns.join(", ")})` : ""} TO USER ${users[userInt]!.displayName}, expires ${new Date(grant.expiresAt).toISOString()}`,
    };
    const list = index.labelGrants.get(objectInt);
    if (list) list.push(entry);
    else index.labelGrants.set(objectInt, [entry]);
  }

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
    const error = addPolicyText(buckets, projectName, { id: "exception-policy", name: "ProjectProtection exception", roleInt: -1, document: snapshot.config.exceptionPolicy,
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
    const owner = normalizeName(pkg.ownerProject);
    if (owner === projectName) {
      const projects = new Set(pkg.installedInto.map((install) => normalizeName(install.project)));
      for (const shared of pkg.objects) {
        const objectInt = findObject(index, shared.type, normalizeName(shared.name));
        if (objectInt < 0) continue;
        const list = index.packageShares.get(objectInt) ?? [];
        list.push({ packageName, mask: privilegeMask(shared.privileges), projects });
        index.packageShares.set(objectInt, list);
      }
      continue;
    }
    const install = pkg.installedInto.find((candidate) => normalizeName(candidate.project) === projectName);
    if (!install) continue;
    for (const shared of pkg.objects) {
      const key = foreignKey(owner, shared.type, normalizeName(shared.name));
      const list = index.foreignObjects.get(key) ?? [];
      list.push({
        packageInt, packageName, mask: privilegeMask(shared.privileges), labelSecurity: pkg.labelSecurity, installLabel: install.label,
        label: shared.label, columnLabels: new Map(Object.entries(shared.columnLabels).map(([column, level]) => [normalizeName(column), level])),
      });
      index.foreignObjects.set(key, list);
    }
  }
  return index;
}
