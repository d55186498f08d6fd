import { decideTenantAdmin, type TenantOperation } from "@/lib/authz/tenant-admin";
import type { ServiceContext } from "@/lib/context/service-context";
import { forbidden } from "./refusal";

/** Opens every account-level service: refuses with the rule's reason unless the actor may do it. */
export function authorizeTenant(ctx: ServiceContext, operation: TenantOperation): void {
  const ruling = decideTenantAdmin(ctx.actor, operation);
  if (!ruling.allow) throw forbidden(ruling.reason);
}
