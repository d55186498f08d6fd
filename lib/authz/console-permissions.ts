/**
 * Console permissions: what a signed-in user may open and do at the tenant level, as data shared by the
 * navigation, the pages and the one wrapper, so a hidden link and a refused call always agree.
 * Project-level decisions (grants, labels, policies) are made by the decision pipeline, not here.
 */
export const CONSOLE_PERMISSIONS = {
  "console.admin": "administer projects (members, roles, grants, labels, policies, whitelists)",
  "project.inspect":
    "read projects' security state (members, roles, grants, labels, policies, whitelists, settings, requests)",
  "tenant.manage": "manage the account's sub-accounts, roles and keys",
  "project.create": "create projects (the account owner only, as in MaxCompute)",
  "access.request": "request access and follow your requests",
  "audit.read": "read the audit log",
  "platform.operate": "operate the platform (tenants and the system IP whitelist)",
} as const;

export type ConsolePermission = keyof typeof CONSOLE_PERMISSIONS;

export type TenantRoleName = "SUPER_ADMINISTRATOR" | "ADMIN" | "AUDITOR";

export interface ConsoleSubject {
  kind: "PRIMARY" | "SUB";
  tenantRoles: readonly TenantRoleName[];
  /** Active projects the user owns or holds Super_Administrator/Admin in. */
  administeredProjects: number;
  /** Active project memberships, owned projects included. */
  memberProjects: number;
  /** The platform operator (a user of the platform tenant, not of any customer's). */
  platformOperator?: boolean;
}

/** The account owner and its Super_Administrators and Admins manage the whole tenant. */
export function managesTenant(subject: Pick<ConsoleSubject, "kind" | "tenantRoles">): boolean {
  return (
    subject.kind === "PRIMARY" || subject.tenantRoles.some((role) => role === "SUPER_ADMINISTRATOR" || role === "ADMIN")
  );
}

export function consolePermissions(subject: ConsoleSubject): Set<ConsolePermission> {
  // INVARIANT: the operator holds the platform permission and nothing else (it belongs to no customer's
  // tenant), and nobody else ever holds it.
  if (subject.platformOperator) return new Set(["platform.operate"]);
  const isOwner = subject.kind === "PRIMARY";
  const has = (role: TenantRoleName) => subject.tenantRoles.includes(role);
  const granted = new Set<ConsolePermission>();
  const tenantAdmin = managesTenant(subject);
  if (tenantAdmin) granted.add("tenant.manage");
  if (tenantAdmin || subject.administeredProjects > 0) granted.add("console.admin");
  // Reading a project's security state: whoever administers one, and the account's auditors (read-only).
  if (granted.has("console.admin") || has("AUDITOR")) granted.add("project.inspect");
  if (isOwner) granted.add("project.create");
  if (subject.memberProjects > 0) granted.add("access.request");
  if (isOwner || has("SUPER_ADMINISTRATOR") || has("AUDITOR")) granted.add("audit.read");
  return granted;
}

export function consolePermissionDenial(permission: ConsolePermission): string {
  return `You are not allowed to ${CONSOLE_PERMISSIONS[permission]}.`;
}
