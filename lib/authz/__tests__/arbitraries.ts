import fc from "fast-check";
import { PRIVILEGES_BY_TYPE, type ObjectType, type Privilege } from "../model/privileges";
import type { AccessRequest } from "../request";
import type { SecuritySnapshot, SnapshotGrant, SnapshotUser } from "../snapshot";

/** Small universes so that random states and requests collide often. */
export const NOW = Date.parse("2025-06-01T12:00:00Z");
const HOUR = 3_600_000;
const PROJECT = "wonderland";
const PROJECT_ID = "p";
const GARDEN_ID = "p-garden";
const OTHER_ID = "p-other";
/**
 * Destinations of data as a caller resolves them (name, id): none, this project, other projects, a project
 * named like a trusted one but another (its own id), a name that names no project, an id without a name.
 */
const TARGETS: { name?: string; id?: string }[] = [
  {},
  {},
  { name: PROJECT, id: PROJECT_ID },
  { name: "garden", id: GARDEN_ID },
  { name: "Other", id: OTHER_ID },
  { name: "Garden", id: "p-lookalike" },
  { name: "nowhere" },
  { name: PROJECT },
  { id: GARDEN_ID },
];

export const USER_POOL: readonly SnapshotUser[] = [
  { id: "u0", accountId: "acc-w", kind: "primary", principalName: "ALIYUN$alice@wonderland.example", disabled: false },
  { id: "u1", accountId: "acc-w", kind: "sub", principalName: "RAM$wonderland:bob", disabled: false },
  { id: "u2", accountId: "acc-w", kind: "sub", principalName: "RAM$wonderland:allen", disabled: false },
  { id: "u3", accountId: "acc-g", kind: "primary", principalName: "ALIYUN$carol@garden.example", disabled: false },
  { id: "u4", accountId: "acc-g", kind: "sub", principalName: "RAM$garden:dave", disabled: false },
  { id: "u5", accountId: "acc-w", kind: "sub", principalName: "RAM$wonderland:frank", disabled: true },
];
const ROLES = [
  { id: "r0", name: "Super_Administrator", kind: "Super_Administrator" as const },
  { id: "r1", name: "Admin", kind: "Admin" as const },
  { id: "r2", name: "worker", kind: "Custom" as const },
  { id: "r3", name: "analyst", kind: "Custom" as const },
];
const OBJECTS = [
  { id: "o0", type: "Table" as const, name: "t_a", columns: ["c1", "c2", "c3"] },
  { id: "o1", type: "Table" as const, name: "T_b", columns: ["c1", "c2"] },
  { id: "o2", type: "View" as const, name: "v_a", columns: ["c1", "c2"] },
  { id: "o3", type: "Function" as const, name: "f1", columns: [] },
  { id: "o4", type: "Table" as const, name: "t_nocols", columns: [] },
];
const GRANT_TARGETS = ["p", "o0", "o1", "o2", "o3", "o4", "pkg-in", "pkg-out", "ghost"];
const COLUMNS = ["c1", "c2", "c3", "c9"];

const CONDITIONS = [
  JSON.stringify({ IpAddress: { "acs:SourceIp": ["10.0.0.0/8", "2001:db8::/32"] } }),
  JSON.stringify({ NotIpAddress: { "acs:SourceIp": "192.168.1.0/24" } }),
  JSON.stringify({ StringEquals: { "odps:TaskType": "SQL" } }),
  JSON.stringify({ StringLike: { "acs:UserAgent": "odpscmd*" } }),
  JSON.stringify({ Bool: { "acs:SecureTransport": "true" } }),
  JSON.stringify({ DateLessThan: { "acs:CurrentTime": new Date(NOW + HOUR).toISOString() } }),
  JSON.stringify({ DateGreaterThan: { "acs:CurrentTime": new Date(NOW - HOUR).toISOString() } }),
  JSON.stringify({ StringNotEqualsIgnoreCase: { "odps:TargetProject": "GARDEN" } }),
  "{not json",
];
const TIME_CONDITIONS = new Set(CONDITIONS.filter((c) => c.includes("CurrentTime")));

const resource = (path: string) => `acs:odps:*:projects/${path}`;
const RESOURCES = [
  resource(`${PROJECT}/tables/*`),
  resource(`${PROJECT}/tables/t_a`),
  resource(`${PROJECT}/tables/t_?`),
  resource(`${PROJECT}/tables/T_B`),
  resource(`${PROJECT}/tables/t_a/columns/c1`),
  resource(`${PROJECT}/tables/*/columns/c2`),
  resource(`${PROJECT}/views/*`),
  resource(PROJECT),
  resource(`${PROJECT}/*`),
  resource("other/tables/*"),
  resource(`${PROJECT}/functions/f*`),
  resource("wonder*"),
  resource(`${PROJECT}/packages/*`),
  resource(`${PROJECT}/tables/v_a`),
];
const PRINCIPALS = [
  "*",
  "RAM$wonderland:*",
  "RAM$wonderland:bob",
  "ALIYUN$*",
  "ALIYUN$carol@garden.example",
  "ram$WONDERLAND:allen",
  "RAM$garden:*",
  "RAM$wonderland:?ob",
];
const ACTIONS = [
  "odps:*",
  "odps:Select",
  "odps:Describe",
  "odps:Create*",
  "odps:?pdate",
  "odps:Download",
  "odps:Read",
  "odps:Drop",
];

export interface GeneratorOptions {
  /** Leave out conditions on acs:CurrentTime (for the "time never grants" invariant). */
  timeConditions: boolean;
}

const subset = <T>(items: readonly T[], options: { minLength?: number } = {}) => fc.subarray([...items], options);
const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null, freq: 2 });

function conditionArb(options: GeneratorOptions): fc.Arbitrary<string> {
  return fc.constantFrom(...CONDITIONS.filter((c) => options.timeConditions || !TIME_CONDITIONS.has(c)));
}

export function statementArb(options: GeneratorOptions, effect?: "Allow" | "Deny"): fc.Arbitrary<object> {
  return fc.record(
    {
      Effect: effect ? fc.constant(effect) : fc.constantFrom("Allow", "Deny"),
      Principal: subset(PRINCIPALS, { minLength: 1 }),
      Action: subset(ACTIONS, { minLength: 1 }),
      Resource: subset(RESOURCES, { minLength: 1 }),
      Condition: fc.option(
        conditionArb(options)
          .filter((c) => c.startsWith('{"'))
          .map((c) => JSON.parse(c) as object),
        { nil: undefined, freq: 3 },
      ),
    },
    { requiredKeys: ["Effect", "Principal", "Action", "Resource"] },
  );
}

export const policyText = (statements: object[]) => JSON.stringify({ Version: "1", Statement: statements });

const privilegesArb = (type: ObjectType): fc.Arbitrary<Privilege[]> =>
  subset(PRIVILEGES_BY_TYPE[type], { minLength: 1 });

function grantArb(options: GeneratorOptions): fc.Arbitrary<SnapshotGrant> {
  return fc.record({
    id: fc.uuid(),
    objectId: fc.constantFrom(...GRANT_TARGETS),
    privileges: fc.constantFrom<ObjectType>("Project", "Table", "Function", "Package").chain(privilegesArb),
    columns: optional(subset(COLUMNS, { minLength: 1 })),
    grantee: fc.oneof(
      fc.constantFrom(...USER_POOL.map((u) => u.id), "u-ghost").map((userId) => ({ type: "User" as const, userId })),
      fc.constantFrom(...ROLES.map((r) => r.id)).map((roleId) => ({ type: "Role" as const, roleId })),
    ),
    expiresAt: optional(fc.integer({ min: -48, max: 48 }).map((h) => NOW + h * HOUR)),
    condition: fc.option(conditionArb(options), { nil: null, freq: 4 }),
  });
}

function packagesArb(): fc.Arbitrary<SecuritySnapshot["packages"]> {
  const incoming = fc
    .record({
      installLabel: fc.integer({ min: 0, max: 3 }),
      labelSecurity: fc.boolean(),
      privileges: privilegesArb("Table"),
      columnLabel: fc.integer({ min: 0, max: 3 }),
      installed: fc.boolean(),
    })
    .map((p) => ({
      id: "pkg-in",
      name: "share",
      ownerProject: "garden",
      ownerProjectId: GARDEN_ID,
      labelSecurity: p.labelSecurity,
      objects: [
        {
          type: "Table" as const,
          name: "t_g",
          privileges: p.privileges,
          label: 0,
          columnLabels: { c2: p.columnLabel },
        },
      ],
      installedInto: p.installed
        ? [{ projectId: PROJECT_ID, label: p.installLabel }]
        : [{ projectId: OTHER_ID, label: 0 }],
    }));
  const outgoing = fc.record({ privileges: privilegesArb("Table"), to: subset([GARDEN_ID, OTHER_ID]) }).map((p) => ({
    id: "pkg-out",
    name: "outbound",
    ownerProject: PROJECT,
    ownerProjectId: PROJECT_ID,
    labelSecurity: false,
    objects: [{ type: "Table" as const, name: "t_a", privileges: p.privileges, label: 0, columnLabels: {} }],
    installedInto: p.to.map((projectId) => ({ projectId, label: 0 })),
  }));
  return fc
    .tuple(fc.option(incoming, { nil: null }), fc.option(outgoing, { nil: null }))
    .map((list) => list.filter((p) => p !== null));
}

export function snapshotArb(options: GeneratorOptions = { timeConditions: true }): fc.Arbitrary<SecuritySnapshot> {
  return fc
    .record({
      config: fc.record({
        checkPermissionUsingACL: fc.boolean(),
        checkPermissionUsingPolicy: fc.boolean(),
        objectCreatorHasAccessPermission: fc.boolean(),
        objectCreatorHasGrantPermission: fc.boolean(),
        labelSecurity: fc.boolean(),
        noWriteDown: fc.boolean(),
        projectProtection: fc.boolean(),
        exceptionPolicy: fc.option(fc.array(statementArb(options), { minLength: 1, maxLength: 2 }).map(policyText), {
          nil: null,
          freq: 2,
        }),
      }),
      owner: fc.constantFrom("u0", "u0", "u1", "u3"),
      trustedProjectIds: subset([GARDEN_ID, OTHER_ID]),
      membership: fc.array(fc.constantFrom("member", "member", "member", "member", "member", "removed", "absent"), {
        minLength: USER_POOL.length,
        maxLength: USER_POOL.length,
      }),
      roleAssignments: fc.array(
        fc.record({
          roleId: fc.constantFrom(...ROLES.map((r) => r.id), "r-ghost"),
          userId: fc.constantFrom(...USER_POOL.map((u) => u.id)),
        }),
        { maxLength: 5 },
      ),
      creators: fc.array(fc.constantFrom(null, ...USER_POOL.map((u) => u.id)), {
        minLength: OBJECTS.length,
        maxLength: OBJECTS.length,
      }),
      // Account-level roles, mostly none; also on users of another account (acc-g), where they must not count.
      accountRoles: fc.array(
        fc.constantFrom(null, null, null, null, "Super_Administrator" as const, "Admin" as const),
        { minLength: USER_POOL.length, maxLength: USER_POOL.length },
      ),
      grants: fc.array(grantArb(options), { maxLength: 20 }),
      policies: fc.array(
        fc.record({
          roleId: fc.constantFrom(null, null, "r2", "r3", "r1"),
          document: fc.oneof(
            { weight: 12, arbitrary: fc.array(statementArb(options), { minLength: 1, maxLength: 4 }).map(policyText) },
            { weight: 1, arbitrary: fc.constant('{"Version":"1"') },
          ),
        }),
        { maxLength: 3 },
      ),
      userLabels: fc.array(
        fc.record({ userId: fc.constantFrom(...USER_POOL.map((u) => u.id)), level: fc.integer({ min: 0, max: 3 }) }),
        { maxLength: 3 },
      ),
      roleLabels: fc.array(
        fc.record({ roleId: fc.constantFrom(...ROLES.map((r) => r.id)), level: fc.integer({ min: 0, max: 3 }) }),
        { maxLength: 2 },
      ),
      objectLabels: fc.array(
        fc.record({
          objectId: fc.constantFrom("o0", "o1", "o2", "o4"),
          column: fc.constantFrom(null, "c1", "c2", "c3", "C1"),
          level: fc.integer({ min: 0, max: 3 }),
        }),
        { maxLength: 5 },
      ),
      labelGrants: fc.array(
        fc.record({
          id: fc.uuid(),
          objectId: fc.constantFrom("o0", "o1", "o2", "o4"),
          columns: optional(subset(COLUMNS, { minLength: 1 })),
          // A grant to a user or (one in four) to a role, which covers the role's members.
          grantee: fc.oneof(
            { weight: 3, arbitrary: fc.record({ userId: fc.constantFrom(...USER_POOL.map((u) => u.id)) }) },
            { weight: 1, arbitrary: fc.record({ roleId: fc.constantFrom(...ROLES.map((r) => r.id)) }) },
          ),
          level: fc.integer({ min: 0, max: 3 }),
          expiresAt: fc.integer({ min: -48, max: 48 }).map((h) => NOW + h * HOUR),
        }),
        { maxLength: 3 },
      ),
      packages: packagesArb(),
      whitelist: fc.record({
        system: fc.oneof(
          { weight: 5, arbitrary: fc.constant<string[]>([]) },
          {
            weight: 1,
            arbitrary: fc.subarray(["10.0.0.0/8", "2001:db8::/32", "192.168.1.1-192.168.1.9"], { minLength: 1 }),
          },
        ),
        project: fc.oneof(
          { weight: 3, arbitrary: fc.constant<string[]>([]) },
          {
            weight: 2,
            arbitrary: fc.subarray(["10.0.0.0/8", "::ffff:192.168.1.0/120", "2001:db8::1", "bad entry", "8.8.8.8"], {
              minLength: 1,
              maxLength: 3,
            }),
          },
        ),
      }),
    })
    .map((g): SecuritySnapshot => ({
      securityVersion: 1,
      project: { id: PROJECT_ID, name: PROJECT, accountId: "acc-w", ownerUserId: g.owner },
      config: g.config,
      trustedProjectIds: g.trustedProjectIds,
      users: USER_POOL.map((u, i) => ({ ...u, accountRole: g.accountRoles[i] ?? null })),
      members: USER_POOL.flatMap((u, i) => {
        const status = g.membership[i];
        return status === "absent" ? [] : [{ userId: u.id, removedAt: status === "removed" ? NOW - HOUR : null }];
      }),
      roles: ROLES.map((r) => ({ ...r })),
      roleAssignments: g.roleAssignments,
      objects: OBJECTS.map((o, i) => ({ ...o, creatorUserId: g.creators[i] ?? null })),
      grants: g.grants,
      policies: g.policies.map((p, i) => ({ id: `pol${i}`, name: `policy ${i}`, ...p })),
      labels: { users: g.userLabels, roles: g.roleLabels, objects: g.objectLabels },
      labelGrants: g.labelGrants.map(({ grantee, ...grant }) => ({ ...grant, ...grantee })),
      packages: g.packages,
      whitelist: g.whitelist,
    }));
}

const REQUEST_OBJECTS: { type: ObjectType; name: string; project?: string }[] = [
  { type: "Project", name: PROJECT },
  { type: "Table", name: "t_a" },
  { type: "Table", name: "t_b" },
  { type: "View", name: "v_a" },
  { type: "Function", name: "f1" },
  { type: "Table", name: "t_nocols" },
  { type: "Table", name: "t_unknown" },
  { type: "Table", name: "t_g", project: "garden" },
  { type: "Table", name: "T_G", project: "GARDEN" },
  { type: "Package", name: "garden.share" },
  { type: "Table", name: "t_a", project: PROJECT },
];

export function requestArb(principalPool: readonly SnapshotUser[] = USER_POOL): fc.Arbitrary<AccessRequest> {
  return fc
    .record({
      // Users that can pass Identity are drawn more often than those that never can.
      user: fc.oneof(
        ...principalPool.map((u) => ({
          weight: u.disabled || u.principalName.startsWith("RAM$garden") ? 1 : 4,
          arbitrary: fc.constant(u),
        })),
      ),
      mismatch: fc.integer({ min: 0, max: 15 }),
      object: fc.constantFrom(...REQUEST_OBJECTS),
      privilegeSeed: fc.nat(),
      columns: fc.option(subset(["c1", "C2", "c3", "c9"], { minLength: 1 }), { nil: undefined }),
      time: fc.integer({ min: -72, max: 72 }).map((h) => NOW + h * HOUR),
      sourceIp: fc.constantFrom(
        undefined,
        "10.1.2.3",
        "10.1.2.3",
        "10.1.2.3",
        "10.1.2.3",
        "192.168.1.5",
        "2001:db8::1",
        "::ffff:10.0.0.1",
        "8.8.8.8",
        "::ffff:192.168.1.7",
        "garbage",
      ),
      secureTransport: fc.option(fc.boolean(), { nil: undefined }),
      userAgent: fc.constantFrom(undefined, "odpscmd/0.45", "curl/8"),
      taskType: fc.constantFrom(undefined, "SQL", "MR"),
      target: fc.constantFrom(...TARGETS),
    })
    .map((g): AccessRequest => {
      const privileges = PRIVILEGES_BY_TYPE[g.object.type].filter((p) => p !== "All");
      const action = privileges[g.privilegeSeed % privileges.length] as AccessRequest["action"];
      const readsColumns =
        (g.object.type === "Table" || g.object.type === "View") && (action === "Select" || action === "Download");
      return {
        principal: {
          userId: g.user.id,
          accountId: g.mismatch === 0 ? "acc-x" : g.user.accountId,
          kind: g.user.kind,
          disabled: g.user.disabled,
        },
        project: PROJECT,
        action,
        object: { ...g.object, ...(readsColumns && g.columns ? { columns: g.columns } : {}) },
        context: {
          time: g.time,
          ...(g.sourceIp !== undefined ? { sourceIp: g.sourceIp } : {}),
          ...(g.secureTransport !== undefined ? { secureTransport: g.secureTransport } : {}),
          ...(g.userAgent !== undefined ? { userAgent: g.userAgent } : {}),
          ...(g.taskType !== undefined ? { taskType: g.taskType } : {}),
          ...(g.target.name !== undefined ? { targetProject: g.target.name } : {}),
          ...(g.target.id !== undefined ? { targetProjectId: g.target.id } : {}),
        },
      };
    });
}
