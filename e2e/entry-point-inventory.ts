/**
 * Every server action and API route the build contains, with a probe input aimed at WonderLand.
 * e2e/entry-points.spec.ts fails when the build has an entry point that is not listed here, so a new one
 * cannot ship without being proven to refuse strangers.
 */
export interface Probe {
  /**
   * Input a real client would send; ids of WonderLand objects are filled in by the test. Strings, but for a
   * JSON route's list (a batch's requests): form fields and query strings carry strings only.
   */
  input: (ids: { bobId: string }) => Record<string, string | readonly unknown[]>;
  /**
   * Set when the entry point only ever acts inside the caller's own account, so another tenant's owner
   * legitimately succeeds (in their own tenant): the reason why.
   */
  actsInOwnAccount?: string;
  /** Set on a project-scoped read that an ordinary member of the project may make: the reason why. */
  memberMayRead?: string;
  /**
   * Set when the entry point acts only on the signed-in caller themselves (their own sessions), so any
   * signed-in caller legitimately succeeds: the reason why. It is still refused without a session or Origin.
   */
  actsOnCaller?: string;
  /** Set on an entry point that is not a GET but changes nothing (so writes no audit row when it succeeds). */
  readsOnly?: string;
  /** Set on a GET that records itself in the audit trail when it succeeds (an export): the reason why. */
  auditedRead?: string;
}

/** A valid policy for the policy probes: the refusal must come from authorization, not validation. */
const PROBE_POLICY = JSON.stringify({
  Version: "1",
  Statement: [
    {
      Effect: "Deny",
      Principal: ["RAM$wonderland:allen"],
      Action: ["odps:Drop"],
      Resource: ["acs:odps:*:projects/WonderLand/tables/sales_orders"],
    },
  ],
});
/** WonderLand's package, and a package WonderLand might install (refused before it is looked up). */
const PROBE_PACKAGE = { project: "WonderLand", packageName: "wonderland_share" };
const PROBE_INSTALL = { project: "WonderLand", package: "WonderLand_dev.probe_share" };
/** A decision-API question about bob, in the form query engines send it. */
const DECISION_PROBE = {
  principal: "RAM$wonderland:bob",
  project: "WonderLand",
  action: "odps:Select",
  object: "tables/user_profile",
};
/** A SQL access question about bob, as a query engine sends it. */
const SQL_PROBE = {
  principal: "RAM$wonderland:bob",
  project: "WonderLand",
  sql: "SELECT id, gender FROM user_profile",
};
/** A well-formed id of no whitelist entry: the refusal comes before the entry is looked up. */
const PROBE_UUID = "00000000-0000-4000-8000-000000000000";
/** A well-formed AccessKey id of no key. */
const PROBE_ACCESS_KEY_ID = "LTAIprobe000000000000000";
/** A tenant the operator could create: only the operator may. */
const OPERATOR_PROBE_TENANT = {
  name: "probe",
  displayName: "Probe",
  ownerEmail: "owner@probe.example",
  ownerDisplayName: "Owner",
};

/** GRANT LABEL 2 ON TABLE user_profile TO USER allen WITH EXP 7, and its REVOKE. */
const LABEL_GRANT_PROBE = {
  project: "WonderLand",
  objectType: "Table",
  objectName: "user_profile",
  level: "2",
  principalType: "User",
  principal: "RAM$wonderland:allen",
  days: "7",
};
const LABEL_REVOKE_PROBE = {
  project: "WonderLand",
  objectType: "Table",
  objectName: "user_profile",
  principalType: "User",
  principal: "RAM$wonderland:allen",
};

/** A request allen may make: a 7-day label grant on user_profile's mobile column. */
const REQUEST_PROBE = {
  project: "WonderLand",
  kind: "label",
  table: "user_profile",
  columns: "mobile",
  level: "2",
  reason: "probe",
  days: "7",
};

/** A server action's probe: form fields, strings only. */
export type ActionProbe = Omit<Probe, "input"> & {
  page: string;
  input: (ids: { bobId: string }) => Record<string, string>;
};

export const SERVER_ACTIONS: Record<string, ActionProbe> = {
  "app/(console)/session-actions.ts#signOutEverywhereAction": {
    page: "/",
    input: () => ({}),
    actsOnCaller: "it ends only the caller's own sessions",
  },
  "app/(console)/session-actions.ts#changePasswordAction": {
    page: "/",
    input: () => ({ currentPassword: "not-the-current-password", newPassword: "a-long-enough-probe-passphrase" }),
    actsOnCaller: "it changes only the caller's own password (and needs the current one)",
  },
  "app/(console)/projects/actions.ts#createProjectAction": {
    page: "/projects",
    input: () => ({ name: "Inventory_probe" }),
    actsInOwnAccount: "an account owner creates projects in their own account",
  },
  "app/(console)/tenant/actions.ts#setUserDisabledAction": {
    page: "/tenant",
    input: ({ bobId }) => ({ userId: bobId, disabled: "true" }),
  },
  "app/(console)/tenant/actions.ts#createSubAccountAction": {
    page: "/tenant",
    input: () => ({
      name: "probe",
      email: "probe@wonderland.example",
      displayName: "Probe",
      password: "a-long-enough-probe-passphrase",
    }),
    actsInOwnAccount: "an account administrator creates sub-accounts in their own account",
  },
  "app/(console)/tenant/actions.ts#resetPasswordAction": {
    page: "/tenant",
    input: ({ bobId }) => ({ userId: bobId, password: "a-long-enough-probe-passphrase" }),
  },
  "app/(console)/tenant/actions.ts#setTenantRoleAction": {
    page: "/tenant",
    input: ({ bobId }) => ({ userId: bobId, role: "ADMIN", assigned: "true" }),
  },
  "app/(console)/members/actions.ts#addMemberAction": {
    page: "/members",
    input: () => ({ project: "WonderLand", email: "sam@secretgarden.example" }),
  },
  "app/(console)/members/actions.ts#removeMemberAction": {
    page: "/members",
    input: ({ bobId }) => ({ project: "WonderLand", userId: bobId, clearPermissions: "on" }),
  },
  "app/(console)/roles/actions.ts#createRoleAction": {
    page: "/roles",
    input: () => ({ project: "WonderLand", name: "inventory_probe" }),
  },
  "app/(console)/roles/actions.ts#dropRoleAction": {
    page: "/roles",
    input: () => ({ project: "WonderLand", role: "etl_writer" }),
  },
  "app/(console)/roles/actions.ts#assignRoleAction": {
    page: "/roles",
    input: ({ bobId }) => ({ project: "WonderLand", role: "analyst", userId: bobId }),
  },
  "app/(console)/roles/actions.ts#revokeRoleAction": {
    page: "/roles",
    input: ({ bobId }) => ({ project: "WonderLand", role: "Admin", userId: bobId }),
  },
  "app/(console)/policies/actions.ts#dryRunPolicyAction": {
    page: "/policies",
    input: () => ({ project: "WonderLand", document: PROBE_POLICY }),
    readsOnly: "a dry run computes who would gain or lose access; nothing is saved",
  },
  "app/(console)/policies/actions.ts#savePolicyAction": {
    page: "/policies",
    input: () => ({ project: "WonderLand", document: PROBE_POLICY, version: "1" }),
  },
  "app/(console)/statements/actions.ts#runStatementsAction": {
    page: "/statements",
    input: () => ({ project: "WonderLand", statement: "LIST USERS" }),
    readsOnly: "a query statement; a changing one is audited as its form's operation (tests/statements)",
  },
  "app/(console)/whitelists/actions.ts#addWhitelistEntryAction": {
    page: "/whitelists",
    input: () => ({ project: "WonderLand", value: "127.0.0.1", description: "probe", confirmLockout: "true" }),
  },
  "app/(console)/whitelists/actions.ts#updateWhitelistEntryAction": {
    page: "/whitelists",
    input: () => ({ project: "WonderLand", entryId: PROBE_UUID, description: "probe" }),
  },
  "app/(console)/whitelists/actions.ts#removeWhitelistEntryAction": {
    page: "/whitelists",
    input: () => ({ project: "WonderLand", entryId: PROBE_UUID, confirmLockout: "true" }),
  },
  "app/(console)/check-query/actions.ts#checkQueryAction": {
    page: "/check-query",
    input: () => ({ ...SQL_PROBE }),
    readsOnly: "a question to the decision engine about a query; its answers go to the access-decision log",
  },
  "app/(console)/webhooks/actions.ts#setWebhookAction": {
    page: "/webhooks",
    input: () => ({ project: "WonderLand", url: "https://hooks.example.com/probe", enabled: "true" }),
  },
  "app/(console)/webhooks/actions.ts#removeWebhookAction": {
    page: "/webhooks",
    input: () => ({ project: "WonderLand" }),
  },
  "app/(console)/packages/actions.ts#createPackageAction": {
    page: "/packages",
    input: () => ({ project: "WonderLand", name: "probe_share" }),
  },
  "app/(console)/packages/actions.ts#dropPackageAction": {
    page: "/packages",
    input: () => ({ project: "WonderLand", packageName: "wonderland_share" }),
  },
  "app/(console)/packages/actions.ts#addPackageObjectAction": {
    page: "/packages",
    input: () => ({ ...PROBE_PACKAGE, objectType: "Table", objectName: "sales_orders" }),
  },
  "app/(console)/packages/actions.ts#removePackageObjectAction": {
    page: "/packages",
    input: () => ({ ...PROBE_PACKAGE, objectType: "Table", objectName: "dim_region" }),
  },
  "app/(console)/packages/actions.ts#allowPackageProjectAction": {
    page: "/packages",
    input: () => ({ ...PROBE_PACKAGE, allowedProject: "SecretGarden", label: "2" }),
  },
  "app/(console)/packages/actions.ts#disallowPackageProjectAction": {
    page: "/packages",
    input: () => ({ ...PROBE_PACKAGE, allowedProject: "WonderLand_dev" }),
  },
  "app/(console)/packages/actions.ts#installPackageAction": {
    page: "/packages",
    input: () => PROBE_INSTALL,
  },
  "app/(console)/packages/actions.ts#uninstallPackageAction": {
    page: "/packages",
    input: () => PROBE_INSTALL,
  },
  "app/(console)/inbox/actions.ts#markNotificationsReadAction": {
    page: "/inbox",
    input: () => ({}),
    actsOnCaller: "it marks only the caller's own notifications read",
  },
  "app/(console)/requests/actions.ts#createRequestAction": {
    page: "/requests/new",
    input: () => REQUEST_PROBE,
    actsOnCaller: "a member asks for access for themselves; it grants nothing until an approver approves",
  },
  "app/(console)/requests/actions.ts#previewRequestAction": {
    page: "/requests/new",
    input: () => REQUEST_PROBE,
    actsOnCaller: "a member previews their own request",
    readsOnly: "a preview asks the engine; nothing is saved",
  },
  "app/(console)/requests/actions.ts#approveRequestAction": {
    page: "/requests",
    input: () => ({ id: PROBE_UUID, comment: "probe" }),
  },
  "app/(console)/requests/actions.ts#denyRequestAction": {
    page: "/requests",
    input: () => ({ id: PROBE_UUID, comment: "probe" }),
  },
  "app/(console)/requests/actions.ts#withdrawRequestAction": {
    page: "/requests",
    input: () => ({ id: PROBE_UUID }),
  },
  "app/(console)/reviews/actions.ts#startReviewAction": {
    page: "/reviews",
    input: () => ({ project: "WonderLand", title: "Probe review", days: "7" }),
  },
  "app/(console)/reviews/actions.ts#decideReviewItemAction": {
    page: "/reviews",
    input: () => ({ project: "WonderLand", review: PROBE_UUID, item: PROBE_UUID, decision: "revoke" }),
  },
  "app/(console)/reviews/actions.ts#decideReviewItemsAction": {
    page: "/reviews",
    // One item, as a form with one box checked sends it.
    input: () => ({
      project: "WonderLand",
      review: PROBE_UUID,
      items: PROBE_UUID,
      decision: "revoke",
      comment: "probe",
    }),
  },
  "app/(console)/reviews/actions.ts#closeReviewAction": {
    page: "/reviews",
    input: () => ({ project: "WonderLand", review: PROBE_UUID }),
  },
  "app/(console)/settings/actions.ts#updateSecuritySettingsAction": {
    page: "/settings",
    input: () => ({ project: "WonderLand", LabelSecurity: "false" }),
  },
  "app/(console)/settings/actions.ts#updateApprovalSettingsAction": {
    page: "/settings",
    input: () => ({ project: "WonderLand", maxDays: "30" }),
  },
  "app/(console)/settings/actions.ts#addTrustedProjectAction": {
    page: "/settings",
    input: () => ({ project: "WonderLand", trustedProject: "SecretGarden" }),
  },
  "app/(console)/settings/actions.ts#removeTrustedProjectAction": {
    page: "/settings",
    input: () => ({ project: "WonderLand", trustedProject: "WonderLand_dev" }),
  },
  "app/(console)/catalog/actions.ts#createObjectAction": {
    page: "/catalog",
    input: () => ({
      project: "WonderLand",
      type: "Table",
      name: "inventory_probe",
      columns: JSON.stringify([{ name: "a", type: "STRING" }]),
    }),
  },
  "app/(console)/catalog/actions.ts#updateObjectAction": {
    page: "/catalog",
    input: () => ({ project: "WonderLand", type: "Table", name: "sales_orders", description: "probe" }),
  },
  "app/(console)/catalog/actions.ts#dropObjectAction": {
    page: "/catalog",
    input: () => ({ project: "WonderLand", type: "Table", name: "dim_region", confirmation: "dim_region" }),
  },
  "app/(console)/catalog/actions.ts#importTablesAction": {
    page: "/catalog",
    input: () => ({
      project: "WonderLand",
      format: "csv",
      text: "table,column,type,comment\ninventory_probe_import,a,STRING,\n",
    }),
  },
  "app/(console)/grants/actions.ts#grantPrivilegesAction": {
    page: "/grants",
    input: () => ({
      project: "WonderLand",
      objectType: "Table",
      objectName: "sales_orders",
      privileges: "Select",
      granteeType: "User",
      grantee: "RAM$wonderland:allen",
    }),
  },
  "app/(console)/grants/actions.ts#revokeGrantAction": {
    page: "/grants",
    input: () => ({ project: "WonderLand", grantId: PROBE_UUID }),
  },
  "app/(console)/labels/actions.ts#setClearanceAction": {
    page: "/labels",
    input: () => ({ project: "WonderLand", principalType: "User", principal: "RAM$wonderland:allen", level: "1" }),
  },
  "app/(console)/labels/actions.ts#setObjectLabelAction": {
    page: "/labels",
    input: () => ({
      project: "WonderLand",
      objectType: "Table",
      objectName: "sales_orders",
      columns: "amount",
      level: "0",
    }),
  },
  "app/(console)/labels/actions.ts#grantLabelAction": {
    page: "/labels",
    input: () => LABEL_GRANT_PROBE,
  },
  "app/(console)/labels/actions.ts#revokeLabelAction": {
    page: "/labels",
    input: () => LABEL_REVOKE_PROBE,
  },
  "app/(console)/labels/actions.ts#clearExpiredLabelGrantsAction": {
    page: "/labels",
    input: () => ({ project: "WonderLand" }),
  },
  // The platform operator's: every tenant's user is refused, WonderLand's owner included.
  "app/(console)/operator/actions.ts#createTenantAction": { page: "/operator", input: () => OPERATOR_PROBE_TENANT },
  "app/(console)/operator/actions.ts#setTenantDisabledAction": {
    page: "/operator",
    input: () => ({ tenant: "wonderland", disabled: "true" }),
  },
  "app/(console)/operator/actions.ts#addSystemWhitelistEntryAction": {
    page: "/operator/system-whitelist",
    input: () => ({ value: "10.0.0.0/8", confirmLockout: "true" }),
  },
  "app/(console)/operator/actions.ts#updateSystemWhitelistEntryAction": {
    page: "/operator/system-whitelist",
    input: () => ({ entryId: PROBE_UUID, description: "probe" }),
  },
  "app/(console)/operator/actions.ts#removeSystemWhitelistEntryAction": {
    page: "/operator/system-whitelist",
    input: () => ({ entryId: PROBE_UUID, confirmLockout: "true" }),
  },
};

export const API_ROUTES: Record<string, Record<string, Probe>> = {
  "/api/v1/me": { GET: { input: () => ({}) } },
  "/api/v1/openapi.json": { GET: { input: () => ({}) } },
  "/api/v1/audit": { GET: { input: () => ({ pageSize: "1" }) } },
  "/api/v1/audit/activity": { GET: { input: () => ({ days: "7" }) } },
  "/api/v1/audit/decisions": { GET: { input: () => ({ pageSize: "1" }) } },
  "/api/v1/audit/events/[seq]": { GET: { input: () => ({ seq: "1" }) } },
  "/api/v1/audit/charts": { GET: { input: () => ({ days: "7" }) } },
  "/api/v1/audit/export": {
    GET: {
      input: () => ({ format: "csv" }),
      auditedRead: "a copy of the trail leaving the console is itself an event of the trail",
    },
  },
  "/api/v1/audit/verify": {
    POST: {
      input: () => ({}),
      actsInOwnAccount: "verifies the caller's own tenant's audit chain (and records that it did, in that chain)",
    },
  },
  // A run of another tenant is NOT_FOUND (tests/services/audit-verification-runs.test.ts); the probe's id is nobody's.
  "/api/v1/audit/verify/[runId]": { GET: { input: () => ({ runId: "00000000-0000-4000-8000-000000000000" }) } },
  "/api/v1/audit/verifications": { GET: { input: () => ({ pageSize: "1" }) } },
  "/api/v1/projects": {
    GET: { input: () => ({ q: "WonderLand" }) },
    POST: {
      input: () => ({ name: "Inventory_probe_api" }),
      actsInOwnAccount: "an account owner creates projects in their own account",
    },
  },
  "/api/v1/projects/[project]/members": {
    GET: { input: () => ({ project: "WonderLand" }) },
    POST: { input: () => ({ project: "WonderLand", email: "sam@secretgarden.example" }) },
  },
  "/api/v1/projects/[project]/members/[userId]": {
    DELETE: { input: ({ bobId }) => ({ project: "WonderLand", userId: bobId, clearPermissions: "true" }) },
  },
  "/api/v1/projects/[project]/roles": {
    GET: { input: () => ({ project: "WonderLand" }) },
    POST: { input: () => ({ project: "WonderLand", name: "inventory_probe_api" }) },
  },
  "/api/v1/projects/[project]/roles/[role]": {
    GET: { input: () => ({ project: "WonderLand", role: "analyst" }) },
    DELETE: { input: () => ({ project: "WonderLand", role: "etl_writer" }) },
  },
  "/api/v1/projects/[project]/roles/[role]/members": {
    POST: { input: ({ bobId }) => ({ project: "WonderLand", role: "analyst", userId: bobId }) },
  },
  "/api/v1/projects/[project]/roles/[role]/members/[userId]": {
    DELETE: { input: ({ bobId }) => ({ project: "WonderLand", role: "Admin", userId: bobId }) },
  },
  "/api/v1/projects/[project]/packages": {
    GET: { input: () => ({ project: "WonderLand" }) },
    POST: { input: () => ({ project: "WonderLand", name: "probe_share_api" }) },
  },
  "/api/v1/projects/[project]/packages/[packageName]": {
    GET: { input: () => PROBE_PACKAGE },
    DELETE: { input: () => PROBE_PACKAGE },
  },
  "/api/v1/projects/[project]/packages/[packageName]/objects": {
    POST: { input: () => ({ ...PROBE_PACKAGE, objectType: "Table", objectName: "sales_orders" }) },
    DELETE: { input: () => ({ ...PROBE_PACKAGE, objectType: "Table", objectName: "dim_region" }) },
  },
  "/api/v1/projects/[project]/packages/[packageName]/allowed-projects": {
    POST: { input: () => ({ ...PROBE_PACKAGE, allowedProject: "SecretGarden", label: "2" }) },
    DELETE: { input: () => ({ ...PROBE_PACKAGE, allowedProject: "WonderLand_dev" }) },
  },
  "/api/v1/projects/[project]/installed-packages": {
    GET: { input: () => ({ project: "WonderLand" }) },
    POST: { input: () => PROBE_INSTALL },
    DELETE: { input: () => PROBE_INSTALL },
  },
  "/api/v1/projects/[project]/installed-packages/[package]/readers": { GET: { input: () => PROBE_INSTALL } },

  // Reads: sam cannot see WonderLand (404) and allen may check only himself (403), so the probes ask about bob.
  "/api/v1/projects/[project]/check-access": {
    POST: {
      input: () => ({
        project: "WonderLand",
        principal: "RAM$wonderland:bob",
        action: "Select",
        objectType: "Table",
        objectName: "user_profile",
      }),
      readsOnly: "a question to the decision engine (POST for its body); nothing changes",
    },
  },
  "/api/v1/projects/[project]/data-flow": {
    POST: {
      input: () => ({
        project: "WonderLand",
        principal: "RAM$wonderland:bob",
        operation: "create-table-as-select",
        objectName: "dim_region",
        targetProject: "SecretGarden",
      }),
      readsOnly: "a question to the decision engine (POST for its body); nothing changes",
    },
  },
  "/api/v1/projects/[project]/statements": {
    POST: {
      input: () => ({ project: "WonderLand", statement: "LIST USERS" }),
      readsOnly: "a query statement; a changing one is audited as its form's operation (tests/statements)",
    },
  },
  // Questions about bob: sam cannot see WonderLand (404) and allen may ask only about himself (403).
  "/api/v1/authorize": {
    POST: {
      input: () => DECISION_PROBE,
      readsOnly: "a question to the decision engine; its answer goes to the access-decision log, not the audit chain",
    },
  },
  "/api/v1/authorize/batch": {
    POST: {
      input: () => ({ requests: [DECISION_PROBE, { ...DECISION_PROBE, object: "tables/sales_orders" }] }),
      readsOnly: "questions to the decision engine; their answers go to the access-decision log, not the audit chain",
    },
  },
  "/api/v1/authorize/sql": {
    POST: {
      input: () => ({ ...SQL_PROBE }),
      readsOnly: "a question to the decision engine about a query; its answers go to the access-decision log",
    },
  },
  "/api/v1/projects/[project]/effective-permissions": {
    GET: { input: () => ({ project: "WonderLand", principal: "RAM$wonderland:bob" }) },
  },
  "/api/v1/projects/[project]/policy": {
    GET: { input: () => ({ project: "WonderLand" }) },
    PUT: { input: () => ({ project: "WonderLand", document: PROBE_POLICY, version: "1" }) },
  },
  "/api/v1/projects/[project]/policy/dry-run": {
    POST: {
      input: () => ({ project: "WonderLand", document: PROBE_POLICY }),
      readsOnly: "a dry run computes who would gain or lose access; nothing is saved",
    },
  },
  "/api/v1/projects/[project]/who-can-access": {
    GET: { input: () => ({ project: "WonderLand", objectType: "Table", objectName: "sales_orders" }) },
  },
  "/api/v1/projects/[project]/whitelist": {
    GET: { input: () => ({ project: "WonderLand" }) },
    POST: {
      input: () => ({ project: "WonderLand", value: "127.0.0.1", description: "probe", confirmLockout: "true" }),
    },
  },
  "/api/v1/projects/[project]/whitelist/[entryId]": {
    PATCH: { input: () => ({ project: "WonderLand", entryId: PROBE_UUID, description: "probe" }) },
    DELETE: { input: () => ({ project: "WonderLand", entryId: PROBE_UUID, confirmLockout: "true" }) },
  },
  "/api/v1/projects/[project]/webhook": {
    GET: { input: () => ({ project: "WonderLand" }) },
    PUT: { input: () => ({ project: "WonderLand", url: "https://hooks.example.com/probe" }) },
    DELETE: { input: () => ({ project: "WonderLand" }) },
  },
  "/api/v1/projects/[project]/settings": {
    GET: { input: () => ({ project: "WonderLand" }) },
    PATCH: { input: () => ({ project: "WonderLand", LabelSecurity: "false" }) },
  },
  "/api/v1/projects/[project]/approval-settings": {
    GET: {
      input: () => ({ project: "WonderLand" }),
      memberMayRead: "members read the approval rules (the request form shows the default and maximum duration)",
    },
    PATCH: { input: () => ({ project: "WonderLand", maxDays: "30" }) },
  },
  "/api/v1/projects/[project]/requests": {
    POST: {
      input: () => REQUEST_PROBE,
      actsOnCaller: "a member asks for access for themselves; it grants nothing until an approver approves",
    },
  },
  "/api/v1/projects/[project]/requests/preview": {
    POST: {
      input: () => REQUEST_PROBE,
      actsOnCaller: "a member previews their own request",
      readsOnly: "a preview asks the engine; nothing is saved",
    },
  },
  "/api/v1/me/notifications": { GET: { input: () => ({}) } },
  "/api/v1/me/notifications/read": {
    POST: {
      input: () => ({}),
      actsOnCaller: "it marks only the caller's own notifications read",
    },
  },
  "/api/v1/projects/[project]/reviews": {
    GET: { input: () => ({ project: "WonderLand" }) },
    POST: { input: () => ({ project: "WonderLand", title: "Probe review", days: "7" }) },
  },
  "/api/v1/projects/[project]/reviews/[review]": {
    GET: { input: () => ({ project: "WonderLand", review: PROBE_UUID }) },
  },
  "/api/v1/projects/[project]/reviews/[review]/items/[item]/decision": {
    POST: { input: () => ({ project: "WonderLand", review: PROBE_UUID, item: PROBE_UUID, decision: "revoke" }) },
  },
  "/api/v1/projects/[project]/reviews/[review]/decisions": {
    POST: { input: () => ({ project: "WonderLand", review: PROBE_UUID, items: [PROBE_UUID], decision: "revoke" }) },
  },
  "/api/v1/projects/[project]/reviews/[review]/close": {
    POST: { input: () => ({ project: "WonderLand", review: PROBE_UUID }) },
  },
  "/api/v1/requests": { GET: { input: () => ({ scope: "to-approve" }) } },
  "/api/v1/requests/[id]": { GET: { input: () => ({ id: PROBE_UUID }) } },
  "/api/v1/requests/[id]/approve": { POST: { input: () => ({ id: PROBE_UUID, comment: "probe" }) } },
  "/api/v1/requests/[id]/deny": { POST: { input: () => ({ id: PROBE_UUID, comment: "probe" }) } },
  "/api/v1/requests/[id]/withdraw": { POST: { input: () => ({ id: PROBE_UUID }) } },
  "/api/v1/projects/[project]/trusted-projects": {
    POST: { input: () => ({ project: "WonderLand", trustedProject: "SecretGarden" }) },
  },
  "/api/v1/projects/[project]/trusted-projects/[trustedProject]": {
    DELETE: { input: () => ({ project: "WonderLand", trustedProject: "WonderLand_dev" }) },
  },
  "/api/v1/projects/[project]/grants": {
    GET: { input: () => ({ project: "WonderLand", view: "principal", principal: "RAM$wonderland:bob" }) },
    POST: {
      input: () => ({
        project: "WonderLand",
        objectType: "Table",
        objectName: "sales_orders",
        privileges: "Select",
        granteeType: "User",
        grantee: "RAM$wonderland:allen",
      }),
    },
  },
  "/api/v1/projects/[project]/grants/[grantId]": {
    DELETE: { input: () => ({ project: "WonderLand", grantId: PROBE_UUID }) },
  },
  "/api/v1/projects/[project]/suggestions": {
    GET: { input: () => ({ project: "WonderLand", kind: "member", q: "allen" }) },
  },
  "/api/v1/projects/[project]/objects": {
    GET: {
      input: () => ({ project: "WonderLand", type: "Table" }),
      memberMayRead: "the List privilege on the project lists its objects (allen holds it through the analyst role)",
    },
    POST: {
      input: () => ({
        project: "WonderLand",
        type: "Table",
        name: "inventory_probe_api",
        columns: JSON.stringify([{ name: "a", type: "STRING" }]),
      }),
    },
  },
  "/api/v1/projects/[project]/objects/import": {
    POST: {
      input: () => ({
        project: "WonderLand",
        format: "csv",
        text: "table,column,type,comment\ninventory_probe_api_import,a,STRING,\n",
      }),
    },
  },
  "/api/v1/projects/[project]/objects/[type]/[name]": {
    GET: {
      input: () => ({ project: "WonderLand", type: "Table", name: "sales_orders" }),
      memberMayRead: "Describe on the table describes it (allen's analyst role is granted it on sales_orders)",
    },
    PATCH: { input: () => ({ project: "WonderLand", type: "Table", name: "sales_orders", description: "probe" }) },
    DELETE: { input: () => ({ project: "WonderLand", type: "Table", name: "dim_region", confirmation: "dim_region" }) },
  },
  "/api/v1/tenant/users": {
    GET: { input: () => ({ q: "bob" }) },
    POST: {
      input: () => ({
        name: "probe_api",
        email: "probe-api@wonderland.example",
        displayName: "Probe",
        password: "a-long-enough-probe-passphrase",
      }),
      actsInOwnAccount: "an account administrator creates sub-accounts in their own account",
    },
  },
  "/api/v1/tenant/users/[userId]": { PATCH: { input: ({ bobId }) => ({ userId: bobId, disabled: "true" }) } },
  "/api/v1/tenant/users/[userId]/password": {
    PUT: { input: ({ bobId }) => ({ userId: bobId, password: "a-long-enough-probe-passphrase" }) },
  },
  "/api/v1/tenant/users/[userId]/roles/[role]": {
    PATCH: { input: ({ bobId }) => ({ userId: bobId, role: "ADMIN", assigned: "true" }) },
  },
  "/api/v1/me/sessions": {
    DELETE: { input: () => ({}), actsOnCaller: "it ends only the caller's own sessions" },
  },
  "/api/v1/me/password": {
    PUT: {
      input: () => ({ currentPassword: "not-the-current-password", newPassword: "a-long-enough-probe-passphrase" }),
      actsOnCaller: "it changes only the caller's own password (and needs the current one)",
    },
  },
  "/api/v1/projects/[project]/labels/clearances": {
    GET: { input: () => ({ project: "WonderLand" }) },
    PUT: {
      input: () => ({ project: "WonderLand", principalType: "User", principal: "RAM$wonderland:allen", level: "1" }),
    },
  },
  "/api/v1/projects/[project]/labels/objects/[objectType]/[objectName]": {
    GET: {
      input: () => ({ project: "WonderLand", objectType: "Table", objectName: "sales_orders" }),
      memberMayRead:
        "Describe on the table shows its column labels (allen's analyst role is granted it on sales_orders)",
    },
    PUT: {
      input: () => ({
        project: "WonderLand",
        objectType: "Table",
        objectName: "sales_orders",
        columns: "amount",
        level: "0",
      }),
    },
  },
  "/api/v1/projects/[project]/labels/objects/[objectType]/[objectName]/matrix": {
    GET: { input: () => ({ project: "WonderLand", objectType: "Table", objectName: "sales_orders" }) },
  },
  "/api/v1/projects/[project]/labels/grants": {
    // About bob: a member may see only their own label grants.
    GET: { input: () => ({ project: "WonderLand", view: "user", principal: "RAM$wonderland:bob" }) },
    POST: { input: () => LABEL_GRANT_PROBE },
    DELETE: { input: () => LABEL_REVOKE_PROBE },
  },
  "/api/v1/projects/[project]/labels/grants/expired": { DELETE: { input: () => ({ project: "WonderLand" }) } },
  "/api/v1/operator/tenants": {
    GET: { input: () => ({ q: "wonder" }) },
    POST: { input: () => OPERATOR_PROBE_TENANT },
  },
  "/api/v1/operator/tenants/[tenant]": { PATCH: { input: () => ({ tenant: "wonderland", disabled: "true" }) } },
  "/api/v1/operator/system-whitelist": {
    GET: { input: () => ({}) },
    POST: { input: () => ({ value: "10.0.0.0/8", confirmLockout: "true" }) },
  },
  "/api/v1/operator/system-whitelist/[entryId]": {
    PATCH: { input: () => ({ entryId: PROBE_UUID, description: "probe" }) },
    DELETE: { input: () => ({ entryId: PROBE_UUID, confirmLockout: "true" }) },
  },
  "/api/v1/me/access-keys": {
    GET: { input: () => ({}) },
    POST: {
      input: () => ({ description: "probe" }),
      actsOnCaller: "it creates a key for the caller themselves (a console session, never a key, may)",
    },
  },
  "/api/v1/me/access-keys/[id]": {
    PATCH: {
      input: () => ({ id: PROBE_ACCESS_KEY_ID, status: "DISABLED" }),
      actsOnCaller: "it changes only the caller's own keys (another's id is not found)",
    },
    DELETE: {
      input: () => ({ id: PROBE_ACCESS_KEY_ID }),
      actsOnCaller: "it deletes only the caller's own keys (another's id is not found)",
    },
  },
  "/api/v1/account/access-keys": { GET: { input: () => ({}) } },
  "/api/v1/account/access-keys/[id]": {
    PATCH: { input: () => ({ id: PROBE_ACCESS_KEY_ID, status: "DISABLED" }) },
  },
};

/** Routes outside the one wrapper, each with the reason. */
export const EXEMPT_ROUTES: Record<string, string> = {
  "/api/auth/[...nextauth]":
    "next-auth's own endpoints; the credentials check is lib/services/auth/sign-in.ts, throttled and audited",
  "/api/v1/[...path]":
    "answers NOT_FOUND in the API's error shape for any path no route serves; reads and changes nothing",
};
