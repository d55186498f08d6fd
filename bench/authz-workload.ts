import type { AccessRequest } from "../lib/authz/request";
import type { SecuritySnapshot, SnapshotGrant } from "../lib/authz/snapshot";

/** Deterministic PRNG (mulberry32) so every run measures the same workload. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface WorkloadSize {
  users: number;
  tables: number;
  grants: number;
  statements: number;
  requests: number;
}

export const FULL_SIZE: WorkloadSize = {
  users: 10_000,
  tables: 100_000,
  grants: 1_000_000,
  statements: 10_000,
  requests: 100_000,
};

export const NOW = Date.parse("2025-06-01T12:00:00Z");
const DAY = 86_400_000;
const COLUMNS = ["c0", "c1", "c2", "c3", "c4", "c5", "c6", "c7"];
const CUSTOM_ROLES = 200;
const GROUPS = 100;

export function describeWorkload(size: WorkloadSize): string {
  return (
    `${size.users} users, ${size.tables} tables x ${COLUMNS.length} columns, ${size.grants} ACL grants, ${size.statements} policy statements ` +
    `(${size.statements / 10} documents), ${CUSTOM_ROLES} custom roles x 3 per user, LabelSecurity + ACL + Policy + IP whitelist on; ` +
    `requests: 70% Select of 1-3 columns, 10% whole-table Select, 20% Describe; half aimed at existing grants`
  );
}

const tableName = (i: number) => `t_app_${i % GROUPS}_${i}`;
const userName = (i: number) => `RAM$acme:user${i}`;

export function buildWorkload(
  size: WorkloadSize,
  seed = 42,
): { snapshot: SecuritySnapshot; requests: AccessRequest[] } {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const int = (n: number) => Math.floor(next() * n);

  const users = Array.from({ length: size.users }, (_, i) => ({
    id: `user-${i}`,
    accountId: "acc-acme",
    kind: (i === 0 ? "primary" : "sub") as "primary" | "sub",
    principalName: i === 0 ? "ALIYUN$owner@acme.example" : userName(i),
    disabled: false,
  }));
  const roles = [
    { id: "role-sa", name: "Super_Administrator", kind: "Super_Administrator" as const },
    { id: "role-admin", name: "Admin", kind: "Admin" as const },
    ...Array.from({ length: CUSTOM_ROLES }, (_, i) => ({
      id: `role-${i}`,
      name: `role_${i}`,
      kind: "Custom" as const,
    })),
  ];
  const roleAssignments = users
    .slice(1)
    .flatMap((user) => [0, 1, 2].map(() => ({ roleId: `role-${int(CUSTOM_ROLES)}`, userId: user.id })));
  roleAssignments.push({ roleId: "role-admin", userId: "user-1" });
  const objects = Array.from({ length: size.tables }, (_, i) => ({
    id: `obj-${i}`,
    type: "Table" as const,
    name: tableName(i),
    creatorUserId: `user-${int(size.users)}`,
    columns: COLUMNS,
  }));

  const grants: SnapshotGrant[] = new Array(size.grants);
  for (let i = 0; i < size.grants; i++) {
    const roll = next();
    grants[i] = {
      id: `grant-${i}`,
      objectId: `obj-${int(size.tables)}`,
      privileges: roll < 0.6 ? ["Select"] : roll < 0.9 ? ["Select", "Describe"] : ["All"],
      columns: next() < 0.1 ? [pick(COLUMNS), pick(COLUMNS), pick(COLUMNS)] : null,
      grantee:
        next() < 0.8
          ? { type: "User", userId: `user-${1 + int(size.users - 1)}` }
          : { type: "Role", roleId: `role-${int(CUSTOM_ROLES)}` },
      expiresAt: next() < 0.1 ? NOW + (int(60) - 30) * DAY : null,
      condition: next() < 0.01 ? '{"IpAddress":{"acs:SourceIp":"10.0.0.0/8"}}' : null,
    };
  }

  const documents = size.statements / 10;
  const policies = Array.from({ length: documents }, (_, d) => {
    const projectPolicy = d < documents * 0.3;
    const statements = Array.from({ length: 10 }, () => {
      const r = next();
      const resource =
        r < 0.5 ? tableName(int(size.tables)) : r < 0.9 ? `t_app_${int(GROUPS)}_${int(10)}*` : `t_app_${int(GROUPS)}_*`;
      const p = next();
      return {
        Effect: next() < 0.1 ? "Deny" : "Allow",
        ...(projectPolicy
          ? { Principal: [p < 0.6 ? userName(1 + int(size.users - 1)) : p < 0.9 ? `RAM$acme:user${int(100)}*` : "*"] }
          : {}),
        Action: [pick(["odps:Select", "odps:Describe", "odps:*", "odps:Create*"])],
        Resource: [`acs:odps:*:projects/acme/tables/${resource}`],
        ...(next() < 0.2 ? { Condition: { IpAddress: { "acs:SourceIp": ["10.0.0.0/8"] } } } : {}),
      };
    });
    return {
      id: `policy-${d}`,
      name: `policy ${d}`,
      roleId: projectPolicy ? null : `role-${int(CUSTOM_ROLES)}`,
      document: JSON.stringify({ Version: "1", Statement: statements }),
    };
  });

  const snapshot: SecuritySnapshot = {
    securityVersion: 1,
    project: { id: "project-acme", name: "acme", accountId: "acc-acme", ownerUserId: "user-0" },
    config: {
      checkPermissionUsingACL: true,
      checkPermissionUsingPolicy: true,
      objectCreatorHasAccessPermission: true,
      objectCreatorHasGrantPermission: true,
      labelSecurity: true,
      projectProtection: false,
      exceptionPolicy: null,
    },
    trustedProjectIds: [],
    users,
    members: users.slice(1).map((user, i) => ({ userId: user.id, removedAt: i % 100 === 0 ? NOW - DAY : null })),
    roles,
    roleAssignments,
    objects,
    grants,
    policies,
    labels: {
      users: users.filter(() => next() < 0.2).map((user) => ({ userId: user.id, level: int(4) })),
      objects: objects.filter(() => next() < 0.1).map((object) => ({ objectId: object.id, column: "c7", level: 2 })),
    },
    labelGrants: Array.from({ length: 10_000 }, (_, i) => ({
      id: `label-grant-${i}`,
      objectId: `obj-${int(size.tables)}`,
      columns: null,
      userId: `user-${1 + int(size.users - 1)}`,
      level: 2,
      expiresAt: NOW + 30 * DAY,
    })),
    packages: [],
    whitelist: { system: [], project: ["10.0.0.0/8", "192.168.0.0/16", "2001:db8::/32"] },
  };

  const requests: AccessRequest[] = Array.from({ length: size.requests }, () => {
    const aimed = next() < 0.5 ? grants[int(size.grants)]! : null;
    const userId = aimed?.grantee.type === "User" ? aimed.grantee.userId : `user-${1 + int(size.users - 1)}`;
    const table = aimed ? Number(aimed.objectId.slice(4)) : int(size.tables);
    const kind = next();
    const columns = kind < 0.7 ? Array.from({ length: 1 + int(3) }, () => pick(COLUMNS)) : undefined;
    return {
      principal: { userId, accountId: "acc-acme", kind: "sub", disabled: false },
      project: "acme",
      action: kind < 0.8 ? "Select" : "Describe",
      object: { type: "Table", name: tableName(table), ...(columns ? { columns } : {}) },
      context: {
        time: NOW,
        sourceIp: `10.${int(256)}.${int(256)}.${int(256)}`,
        secureTransport: true,
        taskType: "SQL",
      },
    };
  });
  return { snapshot, requests };
}
