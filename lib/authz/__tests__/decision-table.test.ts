import { describe, expect, it } from "vitest";
import { compile } from "../compile/compile";
import type { Layer } from "../model/layers";
import { decide } from "../pipeline";
import { referenceDecide } from "../reference/reference-decide";
import type { AccessRequest } from "../request";
import type { SecuritySnapshot, SnapshotGrant } from "../snapshot";
import { DAY, NOW, baseSnapshot, policy, request, resource, table } from "./fixtures";

interface Case {
  description: string;
  state?: (snapshot: SecuritySnapshot) => void;
  request: AccessRequest;
  effect: "Allow" | "Deny";
  decidedBy: Layer;
  /** Expected per-column effects, for column reads. */
  columns?: Record<string, "Allow" | "Deny">;
}

let grantSequence = 0;
function grant(
  privileges: SnapshotGrant["privileges"],
  objectId: string,
  grantee: SnapshotGrant["grantee"],
  extra: Partial<SnapshotGrant> = {},
): SnapshotGrant {
  return {
    id: `g-${++grantSequence}`,
    objectId,
    privileges,
    columns: null,
    grantee,
    expiresAt: null,
    condition: null,
    ...extra,
  };
}
const toUser = (userId: string) => ({ type: "User" as const, userId });
const toRole = (roleId: string) => ({ type: "Role" as const, roleId });
const bobSelects =
  (objectId = "o-up") =>
  (s: SecuritySnapshot) => {
    s.grants.push(grant(["Select", "Describe", "Update", "Download"], objectId, toUser("u-bob")));
  };
const all =
  (...steps: ((s: SecuritySnapshot) => void)[]) =>
  (s: SecuritySnapshot) =>
    steps.forEach((step) => step(s));

/** The LabelSecurity manual's user_profile scenario: Select granted to everyone, five sensitive columns labelled. */
const userProfileLabels = all(
  (s) => {
    s.config.labelSecurity = true;
  },
  (s) => {
    s.grants.push(grant(["Select", "Update", "Download"], "o-up", toRole("r-worker")));
  },
  (s) => {
    s.roleAssignments.push({ roleId: "r-worker", userId: "u-bob" }, { roleId: "r-worker", userId: "u-allen" });
  },
  (s) => {
    for (const column of ["mobile", "user_addr", "birthday"])
      s.labels.objects.push({ objectId: "o-up", column, level: 2 });
  },
  (s) => {
    for (const column of ["id_card", "credit_card"]) s.labels.objects.push({ objectId: "o-up", column, level: 3 });
  },
);
/** SET LABEL 1 TO TABLE t1; SET LABEL 2 TO TABLE t1(mobile, addr); SET LABEL 3 TO TABLE t1; (mobile, addr stay 2) */
const t1Labels = all(
  (s) => {
    s.config.labelSecurity = true;
  },
  (s) => {
    s.grants.push(grant(["Select"], "o-t1", toRole("r-worker")));
    s.roleAssignments.push({ roleId: "r-worker", userId: "u-allen" });
  },
  (s) => {
    s.labels.objects.push(
      { objectId: "o-t1", column: null, level: 1 },
      { objectId: "o-t1", column: "mobile", level: 2 },
      { objectId: "o-t1", column: "addr", level: 2 },
      { objectId: "o-t1", column: null, level: 3 },
    );
  },
);
const policyOn =
  (...documents: { document: string; roleId?: string }[]) =>
  (s: SecuritySnapshot) => {
    s.config.checkPermissionUsingPolicy = true;
    documents.forEach(({ document, roleId }, i) =>
      s.policies.push({ id: `pol-${i}`, name: `policy ${i}`, roleId: roleId ?? null, document }),
    );
  };
const installedPackage =
  (label: number, labelSecurity = false) =>
  (s: SecuritySnapshot) => {
    s.packages.push({
      id: "pkg-1",
      name: "share_pkg",
      ownerProject: "secretgarden",
      ownerProjectId: "p-sg",
      labelSecurity,
      objects: [
        { type: "Table", name: "gt", privileges: ["Select", "Describe"], label: 0, columnLabels: { phone: 2 } },
      ],
      installedInto: [{ projectId: "p-w", label }],
    });
  };
const protectedProject = (s: SecuritySnapshot) => {
  s.config.projectProtection = true;
};
const toGarden = { context: { targetProject: "secretgarden", targetProjectId: "p-sg" } };

const cases: Case[] = [
  // Identity and tenant isolation
  {
    description: "unknown principal (another tenant, not a member) is denied",
    state: bobSelects(),
    request: request("zed", "Select", table("user_profile")),
    effect: "Deny",
    decidedBy: "Identity",
  },
  {
    description: "disabled user is denied even with a grant",
    state: (s) => {
      s.grants.push(grant(["Select"], "o-up", toUser("u-frank")));
    },
    request: request("frank", "Select", table("user_profile")),
    effect: "Deny",
    decidedBy: "Identity",
  },
  {
    description: "principal disabled since the snapshot (session flag) is denied",
    state: bobSelects(),
    request: request("bob", "Select", table("user_profile"), { disabled: true }),
    effect: "Deny",
    decidedBy: "Identity",
  },
  {
    description: "removed member keeps grants in the snapshot but is denied",
    state: (s) => {
      s.grants.push(grant(["Select"], "o-up", toUser("u-eve")));
    },
    request: request("eve", "Select", table("user_profile")),
    effect: "Deny",
    decidedBy: "Identity",
  },
  {
    description: "re-added member gets the old grants back",
    state: (s) => {
      s.grants.push(grant(["Select"], "o-up", toUser("u-eve")));
      s.members.push({ userId: "u-eve", removedAt: null });
    },
    request: request("eve", "Select", table("user_profile")),
    effect: "Allow",
    decidedBy: "ACL",
  },
  {
    description: "RAM user of another account listed as member is still denied",
    state: (s) => {
      s.grants.push(grant(["Select"], "o-up", toUser("u-dave")));
    },
    request: request("dave", "Select", table("user_profile")),
    effect: "Deny",
    decidedBy: "Identity",
  },
  {
    description: "primary account of another tenant added as member may use its grants",
    state: (s) => {
      s.grants.push(grant(["Select"], "o-up", toUser("u-carol")));
    },
    request: request("carol", "Select", table("user_profile")),
    effect: "Allow",
    decidedBy: "ACL",
  },
  {
    description: "other tenant member without a grant gets nothing",
    request: request("carol", "Select", table("user_profile")),
    effect: "Deny",
    decidedBy: "Default",
  },
  {
    description: "a principal claiming another account than the directory's is denied",
    state: bobSelects(),
    request: {
      ...request("bob", "Select", table("user_profile")),
      principal: { userId: "u-bob", accountId: "acc-g", kind: "sub", disabled: false },
    },
    effect: "Deny",
    decidedBy: "Identity",
  },
  {
    description: "the owner has every privilege",
    request: request("alice", "Drop", table("user_profile")),
    effect: "Allow",
    decidedBy: "Identity",
  },
  {
    description: "the Admin role has every privilege on objects",
    request: request("adm", "Select", table("t1")),
    effect: "Allow",
    decidedBy: "Identity",
  },
  {
    description: "the Super_Administrator role has every privilege on objects",
    request: request("sa", "CreateTable", { type: "Project", name: "wonderland" }),
    effect: "Allow",
    decidedBy: "Identity",
  },
  {
    description: "the account-level Super_Administrator, not a member, has every privilege on the account's project",
    request: request("tsa", "Drop", table("user_profile")),
    effect: "Allow",
    decidedBy: "Identity",
  },
  {
    description: "the account-level Admin, not a member, manages every object",
    request: request("tadm", "Select", table("t1")),
    effect: "Allow",
    decidedBy: "Identity",
  },
  {
    description: "the account-level Admin is not restricted by LabelSecurity",
    state: userProfileLabels,
    request: request("tadm", "Select", table("user_profile"), { columns: ["id_card"] }),
    effect: "Allow",
    decidedBy: "Identity",
  },
  {
    description: "a disabled account-level Admin is denied",
    state: (s) => {
      s.users.find((u) => u.id === "u-tadm")!.disabled = true;
    },
    request: request("tadm", "Select", table("t1")),
    effect: "Deny",
    decidedBy: "Identity",
  },
  {
    description: "another account's RAM user holding an account role there gets nothing here",
    state: (s) => {
      s.users.find((u) => u.id === "u-dave")!.accountRole = "Super_Administrator";
    },
    request: request("dave", "Select", table("t1")),
    effect: "Deny",
    decidedBy: "Identity",
  },
  {
    description: "the account-level Admin is held to the IP whitelist",
    state: (s) => {
      s.whitelist.project = ["10.0.0.0/8"];
    },
    request: request("tadm", "Select", table("t1"), { context: { sourceIp: "8.8.8.8" } }),
    effect: "Deny",
    decidedBy: "Whitelist",
  },
  {
    description: "the account-level Admin is held to ProjectProtection",
    state: (s) => {
      s.config.projectProtection = true;
    },
    request: request("tadm", "Select", table("t1"), { context: { targetProject: "elsewhere" } }),
    effect: "Deny",
    decidedBy: "ProjectProtection",
  },

  // IP whitelist
  {
    description: "address inside a project CIDR entry",
    state: (s) => {
      s.whitelist.project = ["10.0.0.0/8"];
    },
    request: request("alice", "Select", table("t1")),
    effect: "Allow",
    decidedBy: "Identity",
  },
  {
    description: "whitelist miss denies even the owner",
    state: (s) => {
      s.whitelist.project = ["10.0.0.0/8"];
    },
    request: request("alice", "Select", table("t1"), { context: { sourceIp: "192.168.1.1" } }),
    effect: "Deny",
    decidedBy: "Whitelist",
  },
  {
    description: "address inside an a-b range entry",
    state: (s) => {
      s.whitelist.project = ["192.168.1.1-192.168.1.9"];
    },
    request: request("alice", "Select", table("t1"), { context: { sourceIp: "192.168.1.5" } }),
    effect: "Allow",
    decidedBy: "Identity",
  },
  {
    description: "address just past a range entry",
    state: (s) => {
      s.whitelist.project = ["192.168.1.1-192.168.1.9"];
    },
    request: request("alice", "Select", table("t1"), { context: { sourceIp: "192.168.1.10" } }),
    effect: "Deny",
    decidedBy: "Whitelist",
  },
  {
    description: "IPv6 address inside an IPv6 CIDR",
    state: (s) => {
      s.whitelist.project = ["2001:db8::/32"];
    },
    request: request("alice", "Select", table("t1"), { context: { sourceIp: "2001:db8::1" } }),
    effect: "Allow",
    decidedBy: "Identity",
  },
  {
    description: "IPv6 address outside the IPv6 CIDR",
    state: (s) => {
      s.whitelist.project = ["2001:db8::/32"];
    },
    request: request("alice", "Select", table("t1"), { context: { sourceIp: "2001:db9::1" } }),
    effect: "Deny",
    decidedBy: "Whitelist",
  },
  {
    description: "IPv4-mapped IPv6 address matches an IPv4 entry",
    state: (s) => {
      s.whitelist.project = ["10.0.0.0/8"];
    },
    request: request("alice", "Select", table("t1"), { context: { sourceIp: "::ffff:10.1.2.3" } }),
    effect: "Allow",
    decidedBy: "Identity",
  },
  {
    description: "IPv4 address matches an IPv4-mapped IPv6 entry",
    state: (s) => {
      s.whitelist.project = ["::ffff:10.0.0.0/104"];
    },
    request: request("alice", "Select", table("t1"), { context: { sourceIp: "10.200.0.1" } }),
    effect: "Allow",
    decidedBy: "Identity",
  },
  {
    description: "system-level whitelist miss denies although the project list matches",
    state: (s) => {
      s.whitelist.system = ["172.16.0.0/12"];
      s.whitelist.project = ["10.0.0.0/8"];
    },
    request: request("alice", "Select", table("t1")),
    effect: "Deny",
    decidedBy: "Whitelist",
  },
  {
    description: "no source address while a whitelist is set",
    state: (s) => {
      s.whitelist.project = ["10.0.0.0/8"];
    },
    request: request("alice", "Select", table("t1"), { context: { sourceIp: undefined } }),
    effect: "Deny",
    decidedBy: "Whitelist",
  },
  {
    description: "a malformed whitelist entry matches nothing but still restricts",
    state: (s) => {
      s.whitelist.project = ["10.0.0.0/33"];
    },
    request: request("alice", "Select", table("t1")),
    effect: "Deny",
    decidedBy: "Whitelist",
  },

  // LabelSecurity: the manual's user_profile scenario
  {
    description: "user_profile: non-Admin user with Select cannot read the five labelled columns",
    state: userProfileLabels,
    request: request("bob", "Select", table("user_profile")),
    effect: "Deny",
    decidedBy: "LabelSecurity",
    columns: {
      id: "Allow",
      name: "Allow",
      id_card: "Deny",
      credit_card: "Deny",
      mobile: "Deny",
      user_addr: "Deny",
      birthday: "Deny",
    },
  },
  {
    description: "user_profile: unlabelled columns stay readable",
    state: userProfileLabels,
    request: request("bob", "Select", table("user_profile"), { columns: ["id", "name"] }),
    effect: "Allow",
    decidedBy: "ACL",
  },
  {
    description: "user_profile: Admin reads every column",
    state: userProfileLabels,
    request: request("adm", "Select", table("user_profile")),
    effect: "Allow",
    decidedBy: "Identity",
  },
  {
    description: "user_profile: owner reads every column",
    state: userProfileLabels,
    request: request("alice", "Select", table("user_profile")),
    effect: "Allow",
    decidedBy: "Identity",
  },
  {
    description: "GRANT LABEL 2 ON TABLE user_profile TO USER ... WITH EXP 7 opens mobile, user_addr, birthday",
    state: all(userProfileLabels, (s) => {
      s.labelGrants.push({
        id: "lg-1",
        objectId: "o-up",
        columns: null,
        userId: "u-bob",
        level: 2,
        expiresAt: NOW + 7 * DAY,
      });
    }),
    request: request("bob", "Select", table("user_profile"), {
      columns: ["mobile", "user_addr", "birthday", "id_card"],
    }),
    effect: "Deny",
    decidedBy: "LabelSecurity",
    columns: { mobile: "Allow", user_addr: "Allow", birthday: "Allow", id_card: "Deny" },
  },
  {
    description: "the label grant no longer helps after its 7 days",
    state: all(userProfileLabels, (s) => {
      s.labelGrants.push({
        id: "lg-1",
        objectId: "o-up",
        columns: null,
        userId: "u-bob",
        level: 2,
        expiresAt: NOW + 7 * DAY,
      });
    }),
    request: request("bob", "Select", table("user_profile"), { columns: ["mobile"], context: { time: NOW + 8 * DAY } }),
    effect: "Deny",
    decidedBy: "LabelSecurity",
  },
  {
    description: "SET LABEL 3 TO USER: clearance 3 reads level-3 columns",
    state: all(userProfileLabels, (s) => {
      s.labels.users.push({ userId: "u-bob", level: 3 });
    }),
    request: request("bob", "Select", table("user_profile")),
    effect: "Allow",
    decidedBy: "ACL",
  },
  {
    description: "SET LABEL 1 TO USER ram$...:Allen: clearance 1 cannot read level 2",
    state: all(userProfileLabels, (s) => {
      s.labels.users.push({ userId: "u-allen", level: 1 });
    }),
    request: request("allen", "Select", table("user_profile"), { columns: ["mobile"] }),
    effect: "Deny",
    decidedBy: "LabelSecurity",
  },
  {
    description: "Trusted-User: writes are not restricted by labels",
    state: userProfileLabels,
    request: request("bob", "Update", table("user_profile")),
    effect: "Allow",
    decidedBy: "ACL",
  },
  {
    description: "Download is a read and is label-checked",
    state: userProfileLabels,
    request: request("bob", "Download", table("user_profile"), { columns: ["credit_card"] }),
    effect: "Deny",
    decidedBy: "LabelSecurity",
  },
  {
    description: "LabelSecurity off: labels do not restrict",
    state: all(userProfileLabels, (s) => {
      s.config.labelSecurity = false;
    }),
    request: request("bob", "Select", table("user_profile")),
    effect: "Allow",
    decidedBy: "ACL",
  },
  {
    description: "t1: a column label set before the table label still overrides it (mobile stays 2)",
    state: all(t1Labels, (s) => {
      s.labels.users.push({ userId: "u-allen", level: 2 });
    }),
    request: request("allen", "Select", table("t1")),
    effect: "Deny",
    decidedBy: "LabelSecurity",
    columns: { col1: "Deny", col2: "Deny", mobile: "Allow", addr: "Allow" },
  },
  {
    description: "GRANT LABEL 2 ON TABLE t1 TO USER Allen WITH EXP 1: level-2 columns open, level-3 columns not",
    state: all(t1Labels, (s) => {
      s.labelGrants.push({
        id: "lg-2",
        objectId: "o-t1",
        columns: null,
        userId: "u-allen",
        level: 2,
        expiresAt: NOW + DAY,
      });
    }),
    request: request("allen", "Select", table("t1")),
    effect: "Deny",
    decidedBy: "LabelSecurity",
    columns: { col1: "Deny", col2: "Deny", mobile: "Allow", addr: "Allow" },
  },
  {
    description: "GRANT LABEL 3 ON TABLE t1(col1, col2) TO USER Allen: only the listed columns open",
    state: all(t1Labels, (s) => {
      s.labelGrants.push({
        id: "lg-3",
        objectId: "o-t1",
        columns: ["col1", "col2"],
        userId: "u-allen",
        level: 3,
        expiresAt: NOW + DAY,
      });
    }),
    request: request("allen", "Select", table("t1")),
    effect: "Deny",
    decidedBy: "LabelSecurity",
    columns: { col1: "Allow", col2: "Allow", mobile: "Deny", addr: "Deny" },
  },
  {
    description: "a view's label is independent of its base table",
    state: all(userProfileLabels, (s) => {
      s.grants.push(grant(["Select"], "o-view", toUser("u-bob")));
    }),
    request: request("bob", "Select", { type: "View", name: "v_profile" }),
    effect: "Allow",
    decidedBy: "ACL",
  },
  {
    description: "a labelled view column is protected like a table column",
    state: all(userProfileLabels, (s) => {
      s.grants.push(grant(["Select"], "o-view", toUser("u-bob")));
      s.labels.objects.push({ objectId: "o-view", column: "mobile", level: 2 });
    }),
    request: request("bob", "Select", { type: "View", name: "v_profile" }),
    effect: "Deny",
    decidedBy: "LabelSecurity",
    columns: { id: "Allow", mobile: "Deny" },
  },

  // Policy
  {
    description: "policy Allow with a resource wildcard",
    state: policyOn({
      document: policy([
        {
          Effect: "Allow",
          Principal: ["RAM$wonderland:bob"],
          Action: ["odps:Select"],
          Resource: [resource("tables/t_app_*")],
        },
      ]),
    }),
    request: request("bob", "Select", table("t_app_orders")),
    effect: "Allow",
    decidedBy: "Policy",
  },
  {
    description: "policy wildcard does not reach other tables",
    state: policyOn({
      document: policy([
        {
          Effect: "Allow",
          Principal: ["RAM$wonderland:bob"],
          Action: ["odps:Select"],
          Resource: [resource("tables/t_app_*")],
        },
      ]),
    }),
    request: request("bob", "Select", table("t1")),
    effect: "Deny",
    decidedBy: "Default",
  },
  {
    description: "an explicit Deny beats an ACL Allow",
    state: all(
      bobSelects("o-orders"),
      policyOn({
        document: policy([
          {
            Effect: "Deny",
            Principal: ["RAM$wonderland:*"],
            Action: ["odps:*"],
            Resource: [resource("tables/t_app_*")],
          },
        ]),
      }),
    ),
    request: request("bob", "Select", table("t_app_orders")),
    effect: "Deny",
    decidedBy: "Policy",
  },
  {
    description: "a Deny beats an Allow in the same document",
    state: policyOn({
      document: policy([
        { Effect: "Allow", Principal: ["*"], Action: ["odps:Select"], Resource: [resource("tables/*")] },
        {
          Effect: "Deny",
          Principal: ["RAM$wonderland:b?b"],
          Action: ["odps:Sel*"],
          Resource: [resource("tables/t_app_orders")],
        },
      ]),
    }),
    request: request("bob", "Select", table("t_app_orders")),
    effect: "Deny",
    decidedBy: "Policy",
  },
  {
    description: "IpAddress condition holds",
    state: policyOn({
      document: policy([
        {
          Effect: "Allow",
          Principal: ["*"],
          Action: ["odps:Select"],
          Resource: [resource("tables/*")],
          Condition: { IpAddress: { "acs:SourceIp": ["10.0.0.0/8"] } },
        },
      ]),
    }),
    request: request("bob", "Select", table("t1")),
    effect: "Allow",
    decidedBy: "Policy",
  },
  {
    description: "IpAddress condition fails from another address",
    state: policyOn({
      document: policy([
        {
          Effect: "Allow",
          Principal: ["*"],
          Action: ["odps:Select"],
          Resource: [resource("tables/*")],
          Condition: { IpAddress: { "acs:SourceIp": ["10.0.0.0/8"] } },
        },
      ]),
    }),
    request: request("bob", "Select", table("t1"), { context: { sourceIp: "172.16.0.1" } }),
    effect: "Deny",
    decidedBy: "Default",
  },
  {
    description: "DateLessThan: allowed before the end date",
    state: policyOn({
      document: policy([
        {
          Effect: "Allow",
          Principal: ["*"],
          Action: ["odps:Select"],
          Resource: [resource("tables/t1")],
          Condition: { DateLessThan: { "acs:CurrentTime": "2025-07-01T00:00:00Z" } },
        },
      ]),
    }),
    request: request("bob", "Select", table("t1")),
    effect: "Allow",
    decidedBy: "Policy",
  },
  {
    description: "DateLessThan: denied after the end date",
    state: policyOn({
      document: policy([
        {
          Effect: "Allow",
          Principal: ["*"],
          Action: ["odps:Select"],
          Resource: [resource("tables/t1")],
          Condition: { DateLessThan: { "acs:CurrentTime": "2025-07-01T00:00:00Z" } },
        },
      ]),
    }),
    request: request("bob", "Select", table("t1"), { context: { time: Date.parse("2025-07-02T00:00:00Z") } }),
    effect: "Deny",
    decidedBy: "Default",
  },
  {
    description: "Bool on SecureTransport denies plain transport",
    state: all(
      bobSelects("o-t1"),
      policyOn({
        document: policy([
          {
            Effect: "Deny",
            Principal: ["*"],
            Action: ["odps:*"],
            Resource: [resource("*")],
            Condition: { Bool: { "acs:SecureTransport": "false" } },
          },
        ]),
      }),
    ),
    request: request("bob", "Select", table("t1"), { context: { secureTransport: false } }),
    effect: "Deny",
    decidedBy: "Policy",
  },
  {
    description: "odps:TaskType StringEquals SQL only",
    state: policyOn({
      document: policy([
        {
          Effect: "Allow",
          Principal: ["*"],
          Action: ["odps:Select"],
          Resource: [resource("tables/t1")],
          Condition: { StringEquals: { "odps:TaskType": ["SQL"] } },
        },
      ]),
    }),
    request: request("bob", "Select", table("t1"), { context: { taskType: "MR" } }),
    effect: "Deny",
    decidedBy: "Default",
  },
  {
    description: "a Deny whose condition key is missing still denies (fail closed)",
    state: all(
      bobSelects("o-t1"),
      policyOn({
        document: policy([
          {
            Effect: "Deny",
            Principal: ["*"],
            Action: ["odps:Select"],
            Resource: [resource("tables/t1")],
            Condition: { StringNotLike: { "acs:UserAgent": ["odpscmd*"] } },
          },
        ]),
      }),
    ),
    request: request("bob", "Select", table("t1")),
    effect: "Deny",
    decidedBy: "Policy",
  },
  {
    description: "a Deny on the User-Agent is not evaded by a User-Agent past the subject cap",
    state: all(
      bobSelects("o-t1"),
      policyOn({
        document: policy([
          {
            Effect: "Deny",
            Principal: ["*"],
            Action: ["odps:Select"],
            Resource: [resource("tables/t1")],
            Condition: { StringLike: { "acs:UserAgent": ["*curl*"] } },
          },
        ]),
      }),
    ),
    request: request("bob", "Select", table("t1"), { context: { userAgent: `curl/8 ${"x".repeat(2000)}` } }),
    effect: "Deny",
    decidedBy: "Policy",
  },
  {
    description: "an Allow on the User-Agent never grants to a User-Agent past the subject cap",
    state: policyOn({
      document: policy([
        {
          Effect: "Allow",
          Principal: ["*"],
          Action: ["odps:Select"],
          Resource: [resource("tables/t1")],
          Condition: { StringLike: { "acs:UserAgent": ["*"] } },
        },
      ]),
    }),
    request: request("bob", "Select", table("t1"), { context: { userAgent: "x".repeat(2000) } }),
    effect: "Deny",
    decidedBy: "Default",
  },
  {
    description: "an Allow whose condition key is missing never grants",
    state: policyOn({
      document: policy([
        {
          Effect: "Allow",
          Principal: ["*"],
          Action: ["odps:Select"],
          Resource: [resource("tables/t1")],
          Condition: { StringLike: { "acs:Referer": ["https://*"] } },
        },
      ]),
    }),
    request: request("bob", "Select", table("t1")),
    effect: "Deny",
    decidedBy: "Default",
  },
  {
    description: "role policy applies to role members",
    state: all(
      (s) => {
        s.roleAssignments.push({ roleId: "r-analyst", userId: "u-bob" });
      },
      policyOn({
        roleId: "r-analyst",
        document: policy([
          { Effect: "Allow", Action: ["odps:Select", "odps:Describe"], Resource: [resource("tables/*")] },
        ]),
      }),
    ),
    request: request("bob", "Describe", table("t1")),
    effect: "Allow",
    decidedBy: "Policy",
  },
  {
    description: "role policy does not apply to non-members of the role",
    state: policyOn({
      roleId: "r-analyst",
      document: policy([{ Effect: "Allow", Action: ["odps:Select"], Resource: [resource("tables/*")] }]),
    }),
    request: request("bob", "Select", table("t1")),
    effect: "Deny",
    decidedBy: "Default",
  },
  {
    description: "column resource Deny hides one column",
    state: all(
      bobSelects(),
      policyOn({
        document: policy([
          {
            Effect: "Deny",
            Principal: ["*"],
            Action: ["odps:Select"],
            Resource: [resource("tables/user_profile/columns/mobile")],
          },
        ]),
      }),
    ),
    request: request("bob", "Select", table("user_profile"), { columns: ["id", "mobile"] }),
    effect: "Deny",
    decidedBy: "Policy",
    columns: { id: "Allow", mobile: "Deny" },
  },
  {
    description: "action wildcard odps:Create* on the project",
    state: policyOn({
      document: policy([
        {
          Effect: "Allow",
          Principal: ["RAM$wonderland:*"],
          Action: ["odps:Create*"],
          Resource: ["acs:odps:*:projects/wonderland"],
        },
      ]),
    }),
    request: request("bob", "CreateTable", { type: "Project", name: "wonderland" }),
    effect: "Allow",
    decidedBy: "Policy",
  },
  {
    description: "views answer to tables/<name> resources",
    state: policyOn({
      document: policy([
        { Effect: "Allow", Principal: ["*"], Action: ["odps:Select"], Resource: [resource("tables/v_*")] },
      ]),
    }),
    request: request("bob", "Select", { type: "View", name: "v_profile" }),
    effect: "Allow",
    decidedBy: "Policy",
  },
  {
    description: "a broken project policy denies non-administrators",
    state: all(bobSelects("o-t1"), policyOn({ document: '{"Version":"1","Statement":[{"Effect":"Deny"' })),
    request: request("bob", "Select", table("t1")),
    effect: "Deny",
    decidedBy: "Policy",
  },
  {
    description: "the Admin role is not restricted by a policy Deny",
    state: policyOn({
      document: policy([{ Effect: "Deny", Principal: ["*"], Action: ["odps:*"], Resource: [resource("*")] }]),
    }),
    request: request("adm", "Select", table("t1")),
    effect: "Allow",
    decidedBy: "Identity",
  },
  {
    description: "policies are ignored when CheckPermissionUsingPolicy is off",
    state: all(
      policyOn({
        document: policy([
          { Effect: "Allow", Principal: ["*"], Action: ["odps:Select"], Resource: [resource("tables/*")] },
        ]),
      }),
      (s) => {
        s.config.checkPermissionUsingPolicy = false;
      },
    ),
    request: request("bob", "Select", table("t1")),
    effect: "Deny",
    decidedBy: "Default",
  },

  // ACL
  {
    description: "grants to a role reach its members",
    state: (s) => {
      s.grants.push(grant(["Select"], "o-t1", toRole("r-worker")));
      s.roleAssignments.push({ roleId: "r-worker", userId: "u-bob" });
    },
    request: request("bob", "Select", table("t1")),
    effect: "Allow",
    decidedBy: "ACL",
  },
  {
    description: "an expired grant is ignored",
    state: (s) => {
      s.grants.push(grant(["Select"], "o-t1", toUser("u-bob"), { expiresAt: NOW - 1 }));
    },
    request: request("bob", "Select", table("t1")),
    effect: "Deny",
    decidedBy: "Default",
  },
  {
    description: "a grant for another privilege does not help",
    state: (s) => {
      s.grants.push(grant(["Describe"], "o-t1", toUser("u-bob")));
    },
    request: request("bob", "Select", table("t1")),
    effect: "Deny",
    decidedBy: "Default",
  },
  {
    description: "All covers every privilege",
    state: (s) => {
      s.grants.push(grant(["All"], "o-t1", toUser("u-bob")));
    },
    request: request("bob", "Drop", table("t1")),
    effect: "Allow",
    decidedBy: "ACL",
  },
  {
    description: "column-level Select covers the listed columns only",
    state: (s) => {
      s.grants.push(grant(["Select"], "o-up", toUser("u-bob"), { columns: ["id", "name"] }));
    },
    request: request("bob", "Select", table("user_profile"), { columns: ["id", "mobile"] }),
    effect: "Deny",
    decidedBy: "Default",
    columns: { id: "Allow", mobile: "Deny" },
  },
  {
    description: "ObjectCreatorHasAccessPermission lets the creator in",
    request: request("bob", "Drop", table("bob_scratch")),
    effect: "Allow",
    decidedBy: "ACL",
  },
  {
    description: "without ObjectCreatorHasAccessPermission the creator needs a grant",
    state: (s) => {
      s.config.objectCreatorHasAccessPermission = false;
    },
    request: request("bob", "Drop", table("bob_scratch")),
    effect: "Deny",
    decidedBy: "Default",
  },
  {
    description: "ACL grants are ignored when CheckPermissionUsingACL is off",
    state: all(bobSelects("o-t1"), (s) => {
      s.config.checkPermissionUsingACL = false;
    }),
    request: request("bob", "Select", table("t1")),
    effect: "Deny",
    decidedBy: "Default",
  },
  {
    description: "project-level CreateTable grant",
    state: (s) => {
      s.grants.push(grant(["CreateTable", "CreateInstance", "List"], "p-w", toUser("u-bob")));
    },
    request: request("bob", "CreateTable", { type: "Project", name: "wonderland" }),
    effect: "Allow",
    decidedBy: "ACL",
  },
  {
    description: "a grant condition restricts by IP",
    state: (s) => {
      s.grants.push(
        grant(["Select"], "o-t1", toUser("u-bob"), {
          condition: JSON.stringify({ IpAddress: { "acs:SourceIp": "192.168.0.0/16" } }),
        }),
      );
    },
    request: request("bob", "Select", table("t1")),
    effect: "Deny",
    decidedBy: "Default",
  },

  // Packages
  {
    description: "package object with Read on the package",
    state: all(installedPackage(0), (s) => {
      s.grants.push(grant(["Read"], "pkg-1", toUser("u-bob")));
    }),
    request: request("bob", "Select", table("gt"), { project: "secretgarden" }),
    effect: "Allow",
    decidedBy: "Package",
  },
  {
    description: "package object without Read on the package",
    state: installedPackage(0),
    request: request("bob", "Select", table("gt"), { project: "secretgarden" }),
    effect: "Deny",
    decidedBy: "Default",
  },
  {
    description: "the project Admin may use installed packages",
    state: installedPackage(0),
    request: request("adm", "Select", table("gt"), { project: "secretgarden" }),
    effect: "Allow",
    decidedBy: "Package",
  },
  {
    description: "the owner gets no privilege the package does not share",
    state: installedPackage(0),
    request: request("alice", "Drop", table("gt"), { project: "secretgarden" }),
    effect: "Deny",
    decidedBy: "Default",
  },
  {
    description: "another project's object not in any package",
    request: request("alice", "Select", table("other"), { project: "secretgarden" }),
    effect: "Deny",
    decidedBy: "Default",
  },
  {
    description: "package installed USING LABEL 1 cannot read a level-2 column",
    state: installedPackage(1, true),
    request: request("adm", "Select", table("gt"), { project: "secretgarden", columns: ["phone"] }),
    effect: "Deny",
    decidedBy: "LabelSecurity",
  },
  {
    description: "package installed USING LABEL 2 reads a level-2 column",
    state: installedPackage(2, true),
    request: request("adm", "Select", table("gt"), { project: "secretgarden", columns: ["phone", "id"] }),
    effect: "Allow",
    decidedBy: "Package",
  },

  // ProjectProtection
  {
    description: "protected: CREATE TABLE secretgarden.gotit AS SELECT ... is denied",
    state: all(bobSelects(), protectedProject),
    request: request("bob", "Select", table("user_profile"), toGarden),
    effect: "Deny",
    decidedBy: "ProjectProtection",
  },
  {
    description: "protected: the owner cannot move data out either",
    state: protectedProject,
    request: request("alice", "Select", table("user_profile"), toGarden),
    effect: "Deny",
    decidedBy: "ProjectProtection",
  },
  {
    description: "protected: reading inside the project is fine",
    state: all(bobSelects(), protectedProject),
    request: request("bob", "Select", table("user_profile"), {
      context: { targetProject: "wonderland", targetProjectId: "p-w" },
    }),
    effect: "Allow",
    decidedBy: "ACL",
  },
  {
    description: "protected: a trusted target project is allowed",
    state: all(bobSelects(), protectedProject, (s) => {
      s.trustedProjectIds.push("p-sg");
    }),
    request: request("bob", "Select", table("user_profile"), toGarden),
    effect: "Allow",
    decidedBy: "ACL",
  },
  // Trust is by project id: WonderLand trusts WonderLand_dev (p-dev); sam's wonderland_dev is another project.
  {
    description:
      "protected: another project named like a trusted one (wonderland_dev vs WonderLand_dev) is not trusted",
    state: all(bobSelects(), protectedProject, (s) => {
      s.trustedProjectIds.push("p-dev");
    }),
    request: request("bob", "Select", table("user_profile"), {
      context: { targetProject: "wonderland_dev", targetProjectId: "p-sams-dev" },
    }),
    effect: "Deny",
    decidedBy: "ProjectProtection",
  },
  {
    description: "protected: the trusted project itself, by its id, is allowed",
    state: all(bobSelects(), protectedProject, (s) => {
      s.trustedProjectIds.push("p-dev");
    }),
    request: request("bob", "Select", table("user_profile"), {
      context: { targetProject: "WonderLand_dev", targetProjectId: "p-dev" },
    }),
    effect: "Allow",
    decidedBy: "ACL",
  },
  {
    description: "protected: a destination named without an id (no such project) is trusted by nothing",
    state: all(bobSelects(), protectedProject, (s) => {
      s.trustedProjectIds.push("p-sg");
    }),
    request: request("bob", "Select", table("user_profile"), { context: { targetProject: "secretgarden" } }),
    effect: "Deny",
    decidedBy: "ProjectProtection",
  },
  {
    description: "protected: a destination named like this project but with another id is elsewhere",
    state: all(bobSelects(), protectedProject),
    request: request("bob", "Select", table("user_profile"), {
      context: { targetProject: "WONDERLAND", targetProjectId: "p-elsewhere" },
    }),
    effect: "Deny",
    decidedBy: "ProjectProtection",
  },
  {
    description: "protected: download is denied",
    state: all(bobSelects(), protectedProject),
    request: request("bob", "Download", table("user_profile")),
    effect: "Deny",
    decidedBy: "ProjectProtection",
  },
  {
    description: "protected: download allowed by the exception policy",
    state: all(bobSelects(), protectedProject, (s) => {
      s.config.exceptionPolicy = policy([
        {
          Effect: "Allow",
          Principal: ["RAM$wonderland:bob"],
          Action: ["odps:Download"],
          Resource: [resource("tables/user_profile")],
        },
      ]);
    }),
    request: request("bob", "Download", table("user_profile")),
    effect: "Allow",
    decidedBy: "ACL",
  },
  {
    description: "protected: the exception policy with a TargetProject condition",
    state: all(bobSelects(), protectedProject, (s) => {
      s.config.exceptionPolicy = policy([
        {
          Effect: "Allow",
          Principal: ["*"],
          Action: ["odps:Select"],
          Resource: [resource("tables/*")],
          Condition: { StringEquals: { "odps:TargetProject": "secretgarden" } },
        },
      ]);
    }),
    request: request("bob", "Select", table("user_profile"), toGarden),
    effect: "Allow",
    decidedBy: "ACL",
  },
  {
    description: "protected: a trusted project does not allow downloads",
    state: all(bobSelects(), protectedProject, (s) => {
      s.trustedProjectIds.push("p-sg");
    }),
    request: request("bob", "Download", table("user_profile"), toGarden),
    effect: "Deny",
    decidedBy: "ProjectProtection",
  },
  {
    description: "protected: a package shared with the target lets the data out",
    state: all(bobSelects(), protectedProject, (s) => {
      s.packages.push({
        id: "pkg-out",
        name: "profiles",
        ownerProject: "wonderland",
        ownerProjectId: "p-w",
        labelSecurity: false,
        objects: [{ type: "Table", name: "user_profile", privileges: ["Select"], label: 0, columnLabels: {} }],
        installedInto: [{ projectId: "p-sg", label: 0 }],
      });
    }),
    request: request("bob", "Select", table("user_profile"), toGarden),
    effect: "Allow",
    decidedBy: "ACL",
  },

  // Malformed requests
  {
    description: "request for another project's snapshot",
    request: { ...request("alice", "Select", table("t1")), project: "elsewhere" },
    effect: "Deny",
    decidedBy: "Default",
  },
  {
    description: "privilege of another object type",
    request: request("alice", "Execute", table("t1")),
    effect: "Deny",
    decidedBy: "Default",
  },
];

describe("decision table", () => {
  it.each(cases)("$description", (testCase) => {
    const snapshot = baseSnapshot();
    testCase.state?.(snapshot);
    const decision = decide(compile(snapshot), testCase.request);
    expect({ effect: decision.effect, decidedBy: decision.decidedBy }).toEqual({
      effect: testCase.effect,
      decidedBy: testCase.decidedBy,
    });
    if (testCase.columns)
      expect(Object.fromEntries(decision.columns.map((c) => [c.column, c.effect]))).toEqual(testCase.columns);
    const deciding = decision.steps.find((step) => step.layer === decision.decidedBy);
    expect(deciding?.text.length ?? 0).toBeGreaterThan(0);
    const reference = referenceDecide(snapshot, testCase.request);
    expect({ effect: reference.effect, decidedBy: reference.decidedBy }).toEqual({
      effect: testCase.effect,
      decidedBy: testCase.decidedBy,
    });
  });
});
