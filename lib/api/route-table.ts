import type { z } from "zod";
import type { EndpointDefinition } from "@/lib/endpoint/define-endpoint";
import { createAccessKeyEndpoint } from "@/lib/services/access-keys/create-access-key";
import { deleteOwnAccessKeyEndpoint } from "@/lib/services/access-keys/delete-own-access-key";
import { disableAccountAccessKeyEndpoint } from "@/lib/services/access-keys/disable-account-access-key";
import { listAccountAccessKeysEndpoint } from "@/lib/services/access-keys/list-account-access-keys";
import { listOwnAccessKeysEndpoint } from "@/lib/services/access-keys/list-own-access-keys";
import { setOwnAccessKeyStatusEndpoint } from "@/lib/services/access-keys/set-own-access-key-status";
import { authorizeEndpoint } from "@/lib/services/access/authorize";
import { authorizeBatchEndpoint } from "@/lib/services/access/authorize-batch";
import { authorizeSqlEndpoint } from "@/lib/services/access/authorize-sql";
import { listAccessDecisionsEndpoint } from "@/lib/services/audit/list-access-decisions";
import { checkAccessEndpoint } from "@/lib/services/access/check-access";
import { dataFlowEndpoint } from "@/lib/services/access/data-flow";
import { addPackageObjectEndpoint } from "@/lib/services/packages/add-package-object";
import { allowPackageProjectEndpoint } from "@/lib/services/packages/allow-package-project";
import { createPackageEndpoint } from "@/lib/services/packages/create-package";
import { describePackageEndpoint } from "@/lib/services/packages/describe-package";
import { disallowPackageProjectEndpoint } from "@/lib/services/packages/disallow-package-project";
import { dropPackageEndpoint } from "@/lib/services/packages/drop-package";
import { installPackageEndpoint } from "@/lib/services/packages/install-package";
import { listInstalledPackagesEndpoint } from "@/lib/services/packages/list-installed-packages";
import { listPackagesEndpoint } from "@/lib/services/packages/list-packages";
import { packageReadersEndpoint } from "@/lib/services/packages/package-readers";
import { removePackageObjectEndpoint } from "@/lib/services/packages/remove-package-object";
import { uninstallPackageEndpoint } from "@/lib/services/packages/uninstall-package";
import { effectivePermissionsEndpoint } from "@/lib/services/access/effective-permissions";
import { whoCanAccessEndpoint } from "@/lib/services/access/who-can-access";
import { describeApiEndpoint } from "@/lib/services/api/describe-api";
import { auditActivityEndpoint } from "@/lib/services/audit/audit-activity";
import { listAuditEventsEndpoint } from "@/lib/services/audit/list-audit-events";
import { verifyTenantAuditChainEndpoint } from "@/lib/services/audit/verify-tenant-audit-chain";
import { getAuditEventEndpoint } from "@/lib/services/audit/get-audit-event";
import { getAuditVerificationEndpoint } from "@/lib/services/audit/get-audit-verification";
import { listAuditVerificationsEndpoint } from "@/lib/services/audit/list-audit-verifications";
import { auditChartsEndpoint } from "@/lib/services/audit/audit-charts";
import { exportAuditEventsEndpoint } from "@/lib/services/audit/export-audit-events";
import { changePasswordEndpoint } from "@/lib/services/auth/change-password";
import { signOutEverywhereEndpoint } from "@/lib/services/auth/sign-out-everywhere";
import { createObjectEndpoint } from "@/lib/services/catalog/create-object";
import { dropObjectEndpoint } from "@/lib/services/catalog/drop-object";
import { getObjectEndpoint } from "@/lib/services/catalog/get-object";
import { importTablesEndpoint } from "@/lib/services/catalog/import-tables";
import { listObjectsEndpoint } from "@/lib/services/catalog/list-objects";
import { updateObjectEndpoint } from "@/lib/services/catalog/update-object";
import { grantPrivilegesEndpoint } from "@/lib/services/grants/grant-privileges";
import { listGrantsEndpoint } from "@/lib/services/grants/list-grants";
import { revokeGrantEndpoint } from "@/lib/services/grants/revoke-grant";
import { suggestNamesEndpoint } from "@/lib/services/grants/suggest-names";
import { whoAmIEndpoint } from "@/lib/services/me/who-am-i";
import { runStatementsEndpoint } from "@/lib/services/statements/run-statements";
import { grantLabelEndpoint } from "@/lib/services/labels/grant-label";
import { revokeLabelEndpoint } from "@/lib/services/labels/revoke-label";
import { showLabelGrantsEndpoint } from "@/lib/services/labels/show-label-grants";
import { clearExpiredLabelGrantsEndpoint } from "@/lib/services/labels/clear-expired-label-grants";
import { describeLabelsEndpoint } from "@/lib/services/labels/describe-labels";
import { setObjectLabelEndpoint } from "@/lib/services/labels/set-object-label";
import { columnMatrixEndpoint } from "@/lib/services/labels/column-matrix";
import { listClearancesEndpoint } from "@/lib/services/labels/list-clearances";
import { setClearanceEndpoint } from "@/lib/services/labels/set-clearance";
import { addMemberEndpoint } from "@/lib/services/members/add-member";
import { listMembersEndpoint } from "@/lib/services/members/list-members";
import { removeMemberEndpoint } from "@/lib/services/members/remove-member";
import { addSystemWhitelistEntryEndpoint } from "@/lib/services/operator/add-system-whitelist-entry";
import { createTenantEndpoint } from "@/lib/services/operator/create-tenant";
import { listSystemWhitelistEndpoint } from "@/lib/services/operator/list-system-whitelist";
import { listTenantsEndpoint } from "@/lib/services/operator/list-tenants";
import { removeSystemWhitelistEntryEndpoint } from "@/lib/services/operator/remove-system-whitelist-entry";
import { setTenantDisabledEndpoint } from "@/lib/services/operator/set-tenant-disabled";
import { updateSystemWhitelistEntryEndpoint } from "@/lib/services/operator/update-system-whitelist-entry";
import { dryRunPolicyEndpoint } from "@/lib/services/policies/dry-run-policy";
import { getPolicyEndpoint } from "@/lib/services/policies/get-policy";
import { savePolicyEndpoint } from "@/lib/services/policies/save-policy";
import { createProjectEndpoint } from "@/lib/services/projects/create-project";
import { listProjectsEndpoint } from "@/lib/services/projects/list-projects";
import { assignRoleEndpoint } from "@/lib/services/roles/assign-role";
import { createRoleEndpoint } from "@/lib/services/roles/create-role";
import { dropRoleEndpoint } from "@/lib/services/roles/drop-role";
import { getRoleEndpoint } from "@/lib/services/roles/get-role";
import { listRolesEndpoint } from "@/lib/services/roles/list-roles";
import { revokeRoleEndpoint } from "@/lib/services/roles/revoke-role";
import { approveRequestEndpoint } from "@/lib/services/requests/approve-request";
import { createRequestEndpoint } from "@/lib/services/requests/create-request";
import { denyRequestEndpoint } from "@/lib/services/requests/deny-request";
import { getApprovalSettingsEndpoint } from "@/lib/services/requests/get-approval-settings";
import { getRequestEndpoint } from "@/lib/services/requests/get-request";
import { listRequestsEndpoint } from "@/lib/services/requests/list-requests";
import { previewRequestEndpoint } from "@/lib/services/requests/preview-request";
import { updateApprovalSettingsEndpoint } from "@/lib/services/requests/update-approval-settings";
import { withdrawRequestEndpoint } from "@/lib/services/requests/withdraw-request";
import { closeReviewEndpoint } from "@/lib/services/reviews/close-review";
import { decideReviewItemEndpoint } from "@/lib/services/reviews/decide-review-item";
import { decideReviewItemsEndpoint } from "@/lib/services/reviews/decide-review-items";
import { getReviewEndpoint } from "@/lib/services/reviews/get-review";
import { listReviewsEndpoint } from "@/lib/services/reviews/list-reviews";
import { startReviewEndpoint } from "@/lib/services/reviews/start-review";
import { listNotificationsEndpoint } from "@/lib/services/notifications/list-notifications";
import { markNotificationsReadEndpoint } from "@/lib/services/notifications/mark-notifications-read";
import { addTrustedProjectEndpoint } from "@/lib/services/settings/add-trusted-project";
import { getSecuritySettingsEndpoint } from "@/lib/services/settings/get-security-settings";
import { removeTrustedProjectEndpoint } from "@/lib/services/settings/remove-trusted-project";
import { updateSecuritySettingsEndpoint } from "@/lib/services/settings/update-security-settings";
import { createSubAccountEndpoint } from "@/lib/services/tenants/create-sub-account";
import { listTenantUsersEndpoint } from "@/lib/services/tenants/list-tenant-users";
import { resetPasswordEndpoint } from "@/lib/services/tenants/reset-password";
import { setTenantRoleEndpoint } from "@/lib/services/tenants/set-tenant-role";
import { setUserDisabledEndpoint } from "@/lib/services/tenants/set-user-disabled";
import { addWhitelistEntryEndpoint } from "@/lib/services/whitelists/add-whitelist-entry";
import { listWhitelistEndpoint } from "@/lib/services/whitelists/list-whitelist";
import { removeWhitelistEntryEndpoint } from "@/lib/services/whitelists/remove-whitelist-entry";
import { updateWhitelistEntryEndpoint } from "@/lib/services/whitelists/update-whitelist-entry";
import { getWebhookEndpoint } from "@/lib/services/webhooks/get-webhook";
import { removeWebhookEndpoint } from "@/lib/services/webhooks/remove-webhook";
import { setWebhookEndpoint } from "@/lib/services/webhooks/set-webhook";

export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** The groups of the API, in the order the OpenAPI document and the API reference page show them. */
export const API_TAGS = {
  Account: "the caller: who they are, their sessions and password",
  AccessKeys: "AccessKeys: the caller's own (minted only from a console session) and the account's sub-accounts'",
  Projects: "the projects the caller may see, and creating one",
  Members: "a project's members",
  Roles: "a project's roles and who holds them",
  Grants: "ACL grants on a project's objects, and the names the grant pickers suggest",
  Decisions: "the decision API for query engines: may this principal do this, one question or a batch",
  Access: "questions to the decision engine: check access, effective permissions, who can access",
  Policies: "a project's (or a role's) policy document, its versions and its dry run",
  Labels: "LabelSecurity: clearances, object and column labels, label grants and the column matrix",
  Packages: "packages: sharing objects with other projects (provider side) and installing them (installer side)",
  Whitelists: "a project's IP whitelist",
  Settings: "a project's security switches and trusted projects",
  Webhooks: "a project's webhook: its audited changes POSTed, signed, to a URL of the administrators' choosing",
  Catalog: "a project's tables, views, functions and resources",
  Statements: "MaxCompute's security statements (ADD USER, GRANT, SET LABEL, …), each run as its form's operation",
  Users: "the account's users (RAM sub-accounts) and account roles",
  Requests: "access requests and their approvals, and a project's approval rules",
  Reviews: "access reviews: reviewers keep or revoke each grant; what nobody kept by the deadline is revoked",
  Audit: "the account's audit trail",
  Operator: "the platform operator's tenants and system whitelist",
  API: "this document",
} as const;
export type ApiTag = keyof typeof API_TAGS;

/** One route of the HTTP API: the endpoint definition it serves (the console serves the same one). */
export interface ApiRoute {
  method: HttpMethod;
  /** As OpenAPI writes it: `{name}` for a path parameter (app/api/v1/…/[name]/route.ts). */
  path: string;
  endpoint: EndpointDefinition<z.ZodType, unknown>;
  tag: ApiTag;
  summary: string;
}

/**
 * Every route under /api/v1, one line each: the OpenAPI document (lib/api/openapi-document.ts) and the API
 * reference page are generated from it, and tests/structure/route-table.test.ts proves it lists exactly the
 * route.ts exports of app/api/v1 (each method with the endpoint its handler serves). A new route: its
 * route.ts file, a line here, its probe in e2e/entry-point-inventory.ts and its row in the README.
 * Kept one route a line (prettier-ignore), so the table reads as a table.
 */
// prettier-ignore
export const ROUTE_TABLE: readonly ApiRoute[] = [
  { method: "GET", path: "/api/v1/me", endpoint: whoAmIEndpoint, tag: "Account", summary: "Who the caller is: principal, tenant, roles and console permissions" },
  { method: "DELETE", path: "/api/v1/me/sessions", endpoint: signOutEverywhereEndpoint, tag: "Account", summary: "Sign out everywhere (console session only)" },
  { method: "PUT", path: "/api/v1/me/password", endpoint: changePasswordEndpoint, tag: "Account", summary: "Change the caller's own password (console session only)" },
  { method: "GET", path: "/api/v1/me/access-keys", endpoint: listOwnAccessKeysEndpoint, tag: "AccessKeys", summary: "The caller's AccessKeys (never a secret)" },
  { method: "POST", path: "/api/v1/me/access-keys", endpoint: createAccessKeyEndpoint, tag: "AccessKeys", summary: "Create an AccessKey; the only answer that holds its secret (console session only)" },
  { method: "PATCH", path: "/api/v1/me/access-keys/{id}", endpoint: setOwnAccessKeyStatusEndpoint, tag: "AccessKeys", summary: "Enable (console session only) or disable one of the caller's keys" },
  { method: "DELETE", path: "/api/v1/me/access-keys/{id}", endpoint: deleteOwnAccessKeyEndpoint, tag: "AccessKeys", summary: "Delete one of the caller's keys" },
  { method: "GET", path: "/api/v1/account/access-keys", endpoint: listAccountAccessKeysEndpoint, tag: "AccessKeys", summary: "The AccessKeys of the account's sub-accounts" },
  { method: "PATCH", path: "/api/v1/account/access-keys/{id}", endpoint: disableAccountAccessKeyEndpoint, tag: "AccessKeys", summary: "Disable a sub-account's AccessKey" },
  { method: "GET", path: "/api/v1/projects", endpoint: listProjectsEndpoint, tag: "Projects", summary: "List the projects the caller may see" },
  { method: "POST", path: "/api/v1/projects", endpoint: createProjectEndpoint, tag: "Projects", summary: "Create a project (account owner)" },
  { method: "GET", path: "/api/v1/projects/{project}/members", endpoint: listMembersEndpoint, tag: "Members", summary: "List the project's members, current and removed" },
  { method: "POST", path: "/api/v1/projects/{project}/members", endpoint: addMemberEndpoint, tag: "Members", summary: "Add a member" },
  { method: "DELETE", path: "/api/v1/projects/{project}/members/{userId}", endpoint: removeMemberEndpoint, tag: "Members", summary: "Remove a member" },
  { method: "GET", path: "/api/v1/projects/{project}/roles", endpoint: listRolesEndpoint, tag: "Roles", summary: "List the project's roles" },
  { method: "POST", path: "/api/v1/projects/{project}/roles", endpoint: createRoleEndpoint, tag: "Roles", summary: "Create a custom role" },
  { method: "GET", path: "/api/v1/projects/{project}/roles/{role}", endpoint: getRoleEndpoint, tag: "Roles", summary: "One role: its members, policy and grants" },
  { method: "DELETE", path: "/api/v1/projects/{project}/roles/{role}", endpoint: dropRoleEndpoint, tag: "Roles", summary: "Drop a custom role" },
  { method: "POST", path: "/api/v1/projects/{project}/roles/{role}/members", endpoint: assignRoleEndpoint, tag: "Roles", summary: "Assign the role to a member" },
  { method: "DELETE", path: "/api/v1/projects/{project}/roles/{role}/members/{userId}", endpoint: revokeRoleEndpoint, tag: "Roles", summary: "Take the role back from a member" },
  { method: "GET", path: "/api/v1/projects/{project}/grants", endpoint: listGrantsEndpoint, tag: "Grants", summary: "SHOW GRANTS for a principal, or SHOW ACL FOR an object" },
  { method: "POST", path: "/api/v1/projects/{project}/grants", endpoint: grantPrivilegesEndpoint, tag: "Grants", summary: "Grant privileges on an object to a user or role" },
  { method: "DELETE", path: "/api/v1/projects/{project}/grants/{grantId}", endpoint: revokeGrantEndpoint, tag: "Grants", summary: "Revoke one grant" },
  { method: "GET", path: "/api/v1/projects/{project}/suggestions", endpoint: suggestNamesEndpoint, tag: "Grants", summary: "Member, role or object names for the grant pickers" },
  { method: "POST", path: "/api/v1/authorize", endpoint: authorizeEndpoint, tag: "Decisions", summary: "The engine's decision for one principal, action and object (columns layer by layer)" },
  { method: "POST", path: "/api/v1/authorize/batch", endpoint: authorizeBatchEndpoint, tag: "Decisions", summary: "Up to 1,000 decisions, answered in order" },
  { method: "POST", path: "/api/v1/authorize/sql", endpoint: authorizeSqlEndpoint, tag: "Decisions", summary: "The engine's verdict on every table and column a query reads and writes (SELECT, INSERT ... SELECT, CTAS)" },
  { method: "POST", path: "/api/v1/projects/{project}/check-access", endpoint: checkAccessEndpoint, tag: "Access", summary: "The decision engine's answer for one principal and request" },
  { method: "POST", path: "/api/v1/projects/{project}/data-flow", endpoint: dataFlowEndpoint, tag: "Access", summary: "Whether an operation takes data out of the project, and by what (ProjectProtection)" },
  { method: "GET", path: "/api/v1/projects/{project}/labels/clearances", endpoint: listClearancesEndpoint, tag: "Labels", summary: "Members' and roles' clearances (effective: the highest of own and roles')" },
  { method: "PUT", path: "/api/v1/projects/{project}/labels/clearances", endpoint: setClearanceEndpoint, tag: "Labels", summary: "SET LABEL n TO USER|ROLE" },
  { method: "GET", path: "/api/v1/projects/{project}/labels/objects/{objectType}/{objectName}", endpoint: describeLabelsEndpoint, tag: "Labels", summary: "DESCRIBE: each column's effective label and where it comes from" },
  { method: "PUT", path: "/api/v1/projects/{project}/labels/objects/{objectType}/{objectName}", endpoint: setObjectLabelEndpoint, tag: "Labels", summary: "SET LABEL n TO TABLE t[(columns)]" },
  { method: "GET", path: "/api/v1/projects/{project}/labels/objects/{objectType}/{objectName}/matrix", endpoint: columnMatrixEndpoint, tag: "Labels", summary: "Members × columns, each cell decided by the engine" },
  { method: "GET", path: "/api/v1/projects/{project}/labels/grants", endpoint: showLabelGrantsEndpoint, tag: "Labels", summary: "SHOW LABEL [n] GRANTS: for a user, on a table, or one user's on one table" },
  { method: "POST", path: "/api/v1/projects/{project}/labels/grants", endpoint: grantLabelEndpoint, tag: "Labels", summary: "GRANT LABEL n ON TABLE t[(columns)] TO USER|ROLE [WITH EXP days]" },
  { method: "DELETE", path: "/api/v1/projects/{project}/labels/grants", endpoint: revokeLabelEndpoint, tag: "Labels", summary: "REVOKE LABEL ON TABLE t[(columns)] FROM USER|ROLE" },
  { method: "DELETE", path: "/api/v1/projects/{project}/labels/grants/expired", endpoint: clearExpiredLabelGrantsEndpoint, tag: "Labels", summary: "CLEAR EXPIRED GRANTS" },
  { method: "GET", path: "/api/v1/projects/{project}/packages", endpoint: listPackagesEndpoint, tag: "Packages", summary: "SHOW PACKAGES: the packages this project created" },
  { method: "POST", path: "/api/v1/projects/{project}/packages", endpoint: createPackageEndpoint, tag: "Packages", summary: "CREATE PACKAGE" },
  { method: "GET", path: "/api/v1/projects/{project}/packages/{packageName}", endpoint: describePackageEndpoint, tag: "Packages", summary: "DESCRIBE PACKAGE: one created here (p) or installed here (owner_project.p)" },
  { method: "DELETE", path: "/api/v1/projects/{project}/packages/{packageName}", endpoint: dropPackageEndpoint, tag: "Packages", summary: "DROP PACKAGE" },
  { method: "POST", path: "/api/v1/projects/{project}/packages/{packageName}/objects", endpoint: addPackageObjectEndpoint, tag: "Packages", summary: "ADD an object TO PACKAGE [WITH PRIVILEGES]" },
  { method: "DELETE", path: "/api/v1/projects/{project}/packages/{packageName}/objects", endpoint: removePackageObjectEndpoint, tag: "Packages", summary: "REMOVE an object FROM PACKAGE" },
  { method: "POST", path: "/api/v1/projects/{project}/packages/{packageName}/allowed-projects", endpoint: allowPackageProjectEndpoint, tag: "Packages", summary: "ALLOW PROJECT q TO INSTALL PACKAGE [USING LABEL n]" },
  { method: "DELETE", path: "/api/v1/projects/{project}/packages/{packageName}/allowed-projects", endpoint: disallowPackageProjectEndpoint, tag: "Packages", summary: "DISALLOW PROJECT q TO INSTALL PACKAGE" },
  { method: "GET", path: "/api/v1/projects/{project}/installed-packages", endpoint: listInstalledPackagesEndpoint, tag: "Packages", summary: "Packages installed in or offered to this project" },
  { method: "POST", path: "/api/v1/projects/{project}/installed-packages", endpoint: installPackageEndpoint, tag: "Packages", summary: "INSTALL PACKAGE owner_project.p" },
  { method: "DELETE", path: "/api/v1/projects/{project}/installed-packages", endpoint: uninstallPackageEndpoint, tag: "Packages", summary: "UNINSTALL PACKAGE owner_project.p" },
  { method: "GET", path: "/api/v1/projects/{project}/installed-packages/{package}/readers", endpoint: packageReadersEndpoint, tag: "Packages", summary: "What each of the project's people may read through an installed package" },
  { method: "GET", path: "/api/v1/projects/{project}/effective-permissions", endpoint: effectivePermissionsEndpoint, tag: "Access", summary: "Every object and privilege a principal holds, with its source" },
  { method: "GET", path: "/api/v1/projects/{project}/who-can-access", endpoint: whoCanAccessEndpoint, tag: "Access", summary: "Every member's verdict on one table, view or column" },
  { method: "GET", path: "/api/v1/projects/{project}/policy", endpoint: getPolicyEndpoint, tag: "Policies", summary: "The project's (or a role's) policy and its versions" },
  { method: "PUT", path: "/api/v1/projects/{project}/policy", endpoint: savePolicyEndpoint, tag: "Policies", summary: "Save a new version of the policy" },
  { method: "POST", path: "/api/v1/projects/{project}/policy/dry-run", endpoint: dryRunPolicyEndpoint, tag: "Policies", summary: "Who would gain or lose access under a policy; nothing is saved" },
  { method: "GET", path: "/api/v1/projects/{project}/whitelist", endpoint: listWhitelistEndpoint, tag: "Whitelists", summary: "The project's IP whitelist and the caller's address" },
  { method: "POST", path: "/api/v1/projects/{project}/whitelist", endpoint: addWhitelistEntryEndpoint, tag: "Whitelists", summary: "Add an address, CIDR block or range" },
  { method: "PATCH", path: "/api/v1/projects/{project}/whitelist/{entryId}", endpoint: updateWhitelistEntryEndpoint, tag: "Whitelists", summary: "Change an entry's description" },
  { method: "DELETE", path: "/api/v1/projects/{project}/whitelist/{entryId}", endpoint: removeWhitelistEntryEndpoint, tag: "Whitelists", summary: "Remove an entry" },
  { method: "GET", path: "/api/v1/projects/{project}/settings", endpoint: getSecuritySettingsEndpoint, tag: "Settings", summary: "The security switches, exception policy and trusted projects" },
  { method: "PATCH", path: "/api/v1/projects/{project}/settings", endpoint: updateSecuritySettingsEndpoint, tag: "Settings", summary: "Change security switches or the exception policy" },
  { method: "POST", path: "/api/v1/projects/{project}/trusted-projects", endpoint: addTrustedProjectEndpoint, tag: "Settings", summary: "Trust another project (owner)" },
  { method: "DELETE", path: "/api/v1/projects/{project}/trusted-projects/{trustedProject}", endpoint: removeTrustedProjectEndpoint, tag: "Settings", summary: "Stop trusting a project (owner)" },
  { method: "GET", path: "/api/v1/projects/{project}/webhook", endpoint: getWebhookEndpoint, tag: "Webhooks", summary: "The project's webhook (never its secret) and its deliveries, newest first" },
  { method: "PUT", path: "/api/v1/projects/{project}/webhook", endpoint: setWebhookEndpoint, tag: "Webhooks", summary: "Set the webhook's URL and switch; the signing secret is answered once, when made or rotated" },
  { method: "DELETE", path: "/api/v1/projects/{project}/webhook", endpoint: removeWebhookEndpoint, tag: "Webhooks", summary: "Remove the webhook and its deliveries" },
  { method: "GET", path: "/api/v1/projects/{project}/objects", endpoint: listObjectsEndpoint, tag: "Catalog", summary: "List the project's catalog objects" },
  { method: "POST", path: "/api/v1/projects/{project}/objects", endpoint: createObjectEndpoint, tag: "Catalog", summary: "Create a table, view, function or resource" },
  { method: "POST", path: "/api/v1/projects/{project}/objects/import", endpoint: importTablesEndpoint, tag: "Catalog", summary: "Import tables from a schema export (JSON or CSV)" },
  { method: "GET", path: "/api/v1/projects/{project}/objects/{type}/{name}", endpoint: getObjectEndpoint, tag: "Catalog", summary: "One object with its columns and labels" },
  { method: "PATCH", path: "/api/v1/projects/{project}/objects/{type}/{name}", endpoint: updateObjectEndpoint, tag: "Catalog", summary: "Change an object's description, definition or columns" },
  { method: "DELETE", path: "/api/v1/projects/{project}/objects/{type}/{name}", endpoint: dropObjectEndpoint, tag: "Catalog", summary: "Drop an object and every grant on it" },
  { method: "POST", path: "/api/v1/projects/{project}/statements", endpoint: runStatementsEndpoint, tag: "Statements", summary: "Run security statements one by one, each as its form's operation; the first failure stops the run" },
  { method: "GET", path: "/api/v1/tenant/users", endpoint: listTenantUsersEndpoint, tag: "Users", summary: "List the account's users" },
  { method: "POST", path: "/api/v1/tenant/users", endpoint: createSubAccountEndpoint, tag: "Users", summary: "Create a RAM sub-account" },
  { method: "PATCH", path: "/api/v1/tenant/users/{userId}", endpoint: setUserDisabledEndpoint, tag: "Users", summary: "Disable or re-enable a user" },
  { method: "PUT", path: "/api/v1/tenant/users/{userId}/password", endpoint: resetPasswordEndpoint, tag: "Users", summary: "Reset a user's password" },
  { method: "PATCH", path: "/api/v1/tenant/users/{userId}/roles/{role}", endpoint: setTenantRoleEndpoint, tag: "Users", summary: "Assign or take back an account role" },
  { method: "GET", path: "/api/v1/projects/{project}/approval-settings", endpoint: getApprovalSettingsEndpoint, tag: "Requests", summary: "The project's approval rules: approver roles, approvals needed per kind, durations" },
  { method: "PATCH", path: "/api/v1/projects/{project}/approval-settings", endpoint: updateApprovalSettingsEndpoint, tag: "Requests", summary: "Change the approval rules (project administrators)" },
  { method: "POST", path: "/api/v1/projects/{project}/requests", endpoint: createRequestEndpoint, tag: "Requests", summary: "Ask for privileges, a label grant, a package's Read, a role, or a grant's extension" },
  { method: "POST", path: "/api/v1/projects/{project}/requests/preview", endpoint: previewRequestEndpoint, tag: "Requests", summary: "What a request would change: the engine's decision today and with the grant; nothing is saved" },
  { method: "GET", path: "/api/v1/requests", endpoint: listRequestsEndpoint, tag: "Requests", summary: "The caller's requests, those awaiting their approval, or every request of a project (its administrators and auditors)" },
  { method: "GET", path: "/api/v1/requests/{id}", endpoint: getRequestEndpoint, tag: "Requests", summary: "One request with its approvals and history" },
  { method: "POST", path: "/api/v1/requests/{id}/approve", endpoint: approveRequestEndpoint, tag: "Requests", summary: "Approve (the last approval applies the grant; 409 when no longer pending)" },
  { method: "POST", path: "/api/v1/requests/{id}/deny", endpoint: denyRequestEndpoint, tag: "Requests", summary: "Deny, with a comment the requester sees (409 when no longer pending)" },
  { method: "POST", path: "/api/v1/requests/{id}/withdraw", endpoint: withdrawRequestEndpoint, tag: "Requests", summary: "The requester withdraws a pending request (409 when no longer pending)" },
  { method: "GET", path: "/api/v1/projects/{project}/reviews", endpoint: listReviewsEndpoint, tag: "Reviews", summary: "A project's access reviews with their progress or report counts" },
  { method: "POST", path: "/api/v1/projects/{project}/reviews", endpoint: startReviewEndpoint, tag: "Reviews", summary: "Start a review of the project's grants and label grants (administrators; deadline 1 to 90 days)" },
  { method: "GET", path: "/api/v1/projects/{project}/reviews/{review}", endpoint: getReviewEndpoint, tag: "Reviews", summary: "One review with a page of its items: its progress, or its report once closed" },
  { method: "POST", path: "/api/v1/projects/{project}/reviews/{review}/items/{item}/decision", endpoint: decideReviewItemEndpoint, tag: "Reviews", summary: "Keep or revoke one item (a revoke removes the grant; 409 when decided already)" },
  { method: "POST", path: "/api/v1/projects/{project}/reviews/{review}/decisions", endpoint: decideReviewItemsEndpoint, tag: "Reviews", summary: "Keep or revoke up to 100 items at once, all or nothing" },
  { method: "POST", path: "/api/v1/projects/{project}/reviews/{review}/close", endpoint: closeReviewEndpoint, tag: "Reviews", summary: "Close early: the undecided items are revoked as at the deadline; the report is kept" },
  { method: "GET", path: "/api/v1/me/notifications", endpoint: listNotificationsEndpoint, tag: "Requests", summary: "The caller's inbox: requests to approve, decisions, grants expiring; and the unread count" },
  { method: "POST", path: "/api/v1/me/notifications/read", endpoint: markNotificationsReadEndpoint, tag: "Requests", summary: "Mark one of the caller's notifications read, or all of them" },
  { method: "GET", path: "/api/v1/audit", endpoint: listAuditEventsEndpoint, tag: "Audit", summary: "The account's audit events, newest first" },
  { method: "GET", path: "/api/v1/audit/decisions", endpoint: listAccessDecisionsEndpoint, tag: "Audit", summary: "Recorded access decisions (the decision API's and check access's), newest first" },
  { method: "GET", path: "/api/v1/audit/activity", endpoint: auditActivityEndpoint, tag: "Audit", summary: "Events per day by result" },
  { method: "GET", path: "/api/v1/audit/events/{seq}", endpoint: getAuditEventEndpoint, tag: "Audit", summary: "One event of the account's audit chain, with its before and after" },
  { method: "GET", path: "/api/v1/audit/export", endpoint: exportAuditEventsEndpoint, tag: "Audit", summary: "The filtered audit events as a streamed CSV or JSON download (audited)" },
  { method: "GET", path: "/api/v1/audit/charts", endpoint: auditChartsEndpoint, tag: "Audit", summary: "Decisions and denials per day, top denied principals and objects, changes per project" },
  { method: "POST", path: "/api/v1/audit/verify", endpoint: verifyTenantAuditChainEndpoint, tag: "Audit", summary: "Verify the account's audit chain (or join the running verification): 200 { ok, checked, firstBadSeq?, problem?, runId } when done within 2 s, else 202 { runId, status, checked, headSeq } (the verdict audited)" },
  { method: "GET", path: "/api/v1/audit/verify/{runId}", endpoint: getAuditVerificationEndpoint, tag: "Audit", summary: "One verification run of the account's audit chain: its progress or verdict" },
  { method: "GET", path: "/api/v1/audit/verifications", endpoint: listAuditVerificationsEndpoint, tag: "Audit", summary: "The account's verification runs, newest first" },
  { method: "GET", path: "/api/v1/operator/tenants", endpoint: listTenantsEndpoint, tag: "Operator", summary: "List customers' tenants" },
  { method: "POST", path: "/api/v1/operator/tenants", endpoint: createTenantEndpoint, tag: "Operator", summary: "Create a tenant and its owner" },
  { method: "PATCH", path: "/api/v1/operator/tenants/{tenant}", endpoint: setTenantDisabledEndpoint, tag: "Operator", summary: "Disable or re-enable a tenant" },
  { method: "GET", path: "/api/v1/operator/system-whitelist", endpoint: listSystemWhitelistEndpoint, tag: "Operator", summary: "The system IP whitelist" },
  { method: "POST", path: "/api/v1/operator/system-whitelist", endpoint: addSystemWhitelistEntryEndpoint, tag: "Operator", summary: "Add a system whitelist entry" },
  { method: "PATCH", path: "/api/v1/operator/system-whitelist/{entryId}", endpoint: updateSystemWhitelistEntryEndpoint, tag: "Operator", summary: "Change a system whitelist entry's description" },
  { method: "DELETE", path: "/api/v1/operator/system-whitelist/{entryId}", endpoint: removeSystemWhitelistEntryEndpoint, tag: "Operator", summary: "Remove a system whitelist entry" },
  { method: "GET", path: "/api/v1/openapi.json", endpoint: describeApiEndpoint, tag: "API", summary: "This API's OpenAPI 3.1 document" },
];
