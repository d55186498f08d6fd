import type { ConsolePermission } from "@/lib/authz/console-permissions";
import type { Actor } from "@/lib/context/service-context";

/** A one-word description of who the user is in this console, for the top bar. */
export function roleLabel(actor: Actor, permissions: ReadonlySet<ConsolePermission>): string {
  if (actor.platformOperator) return "Platform operator";
  if (actor.kind === "PRIMARY") return "Account owner";
  if (actor.tenantRoles.includes("SUPER_ADMINISTRATOR")) return "Super administrator";
  if (actor.tenantRoles.includes("ADMIN")) return "Tenant admin";
  if (permissions.has("console.admin")) return "Project admin";
  if (actor.tenantRoles.includes("AUDITOR")) return "Auditor";
  return "Member";
}
