import type { AccessRequest } from "../request";
import type { SecuritySnapshot, SnapshotUser } from "../snapshot";

export const NOW = Date.parse("2025-06-01T12:00:00Z");
export const DAY = 86_400_000;

const user = (
  id: string,
  accountId: string,
  kind: "primary" | "sub",
  principalName: string,
  disabled = false,
  accountRole: SnapshotUser["accountRole"] = null,
): SnapshotUser => ({ id, accountId, kind, principalName, disabled, accountRole });

/** Users of project `wonderland` (account acc-w); keys are used by the tables. */
export const USERS = {
  alice: user("u-alice", "acc-w", "primary", "ALIYUN$alice@wonderland.example"),
  bob: user("u-bob", "acc-w", "sub", "RAM$wonderland:bob"),
  allen: user("u-allen", "acc-w", "sub", "RAM$wonderland:allen"),
  adm: user("u-adm", "acc-w", "sub", "RAM$wonderland:adm"),
  sa: user("u-sa", "acc-w", "sub", "RAM$wonderland:sa"),
  carol: user("u-carol", "acc-g", "primary", "ALIYUN$carol@garden.example"),
  dave: user("u-dave", "acc-g", "sub", "RAM$garden:dave"),
  eve: user("u-eve", "acc-w", "sub", "RAM$wonderland:eve"),
  frank: user("u-frank", "acc-w", "sub", "RAM$wonderland:frank", true),
  zed: user("u-zed", "acc-z", "primary", "ALIYUN$zed@zoo.example"),
  /** Account-level Super_Administrator and Admin of acc-w: in the directory, not members of the project. */
  tsa: user("u-tsa", "acc-w", "sub", "RAM$wonderland:tsa", false, "Super_Administrator"),
  tadm: user("u-tadm", "acc-w", "sub", "RAM$wonderland:tadm", false, "Admin"),
} as const;
export type UserKey = keyof typeof USERS;

/** A fresh project `wonderland` owned by alice, with ACL on and everything else off. */
export function baseSnapshot(): SecuritySnapshot {
  const { zed: _outsider, ...inDirectory } = USERS;
  return {
    securityVersion: 1,
    project: { id: "p-w", name: "wonderland", accountId: "acc-w", ownerUserId: "u-alice" },
    config: {
      checkPermissionUsingACL: true,
      checkPermissionUsingPolicy: false,
      objectCreatorHasAccessPermission: true,
      objectCreatorHasGrantPermission: true,
      labelSecurity: false,
      projectProtection: false,
      exceptionPolicy: null,
    },
    trustedProjectIds: [],
    users: Object.values(inDirectory).map((u) => ({ ...u })),
    members: [
      ...["u-bob", "u-allen", "u-adm", "u-sa", "u-carol", "u-dave", "u-frank"].map((userId) => ({
        userId,
        removedAt: null,
      })),
      { userId: "u-eve", removedAt: NOW - DAY },
    ],
    roles: [
      { id: "r-sa", name: "Super_Administrator", kind: "Super_Administrator" },
      { id: "r-admin", name: "Admin", kind: "Admin" },
      { id: "r-worker", name: "worker", kind: "Custom" },
      { id: "r-analyst", name: "analyst", kind: "Custom" },
    ],
    roleAssignments: [
      { roleId: "r-admin", userId: "u-adm" },
      { roleId: "r-sa", userId: "u-sa" },
    ],
    objects: [
      {
        id: "o-up",
        type: "Table",
        name: "user_profile",
        creatorUserId: "u-alice",
        columns: ["id", "name", "id_card", "credit_card", "mobile", "user_addr", "birthday"],
      },
      { id: "o-t1", type: "Table", name: "t1", creatorUserId: "u-alice", columns: ["col1", "col2", "mobile", "addr"] },
      { id: "o-orders", type: "Table", name: "t_app_orders", creatorUserId: "u-alice", columns: ["id", "amount"] },
      { id: "o-bobs", type: "Table", name: "bob_scratch", creatorUserId: "u-bob", columns: ["x"] },
      { id: "o-view", type: "View", name: "v_profile", creatorUserId: "u-alice", columns: ["id", "mobile"] },
      { id: "o-f1", type: "Function", name: "f1", creatorUserId: "u-alice", columns: [] },
      { id: "o-r1", type: "Resource", name: "r1.jar", creatorUserId: "u-alice", columns: [] },
    ],
    grants: [],
    policies: [],
    labels: { users: [], objects: [] },
    labelGrants: [],
    packages: [],
    whitelist: { system: [], project: [] },
  };
}

export interface RequestOptions {
  columns?: string[];
  project?: string;
  context?: Partial<AccessRequest["context"]>;
  disabled?: boolean;
}

export function request(
  who: UserKey,
  action: AccessRequest["action"],
  object: { type: AccessRequest["object"]["type"]; name: string },
  options: RequestOptions = {},
): AccessRequest {
  const u = USERS[who];
  return {
    principal: { userId: u.id, accountId: u.accountId, kind: u.kind, disabled: options.disabled ?? u.disabled },
    project: "wonderland",
    action,
    object: {
      ...object,
      ...(options.columns ? { columns: options.columns } : {}),
      ...(options.project ? { project: options.project } : {}),
    },
    context: { time: NOW, sourceIp: "10.1.2.3", secureTransport: true, taskType: "SQL", ...options.context },
  };
}

export const table = (name: string) => ({ type: "Table" as const, name });
export const policy = (statements: object[]) => JSON.stringify({ Version: "1", Statement: statements });
export const resource = (path: string) => `acs:odps:*:projects/wonderland/${path}`;
