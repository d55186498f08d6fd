import type { ServiceContext } from "@/lib/endpoint/context";
import { requirePermission } from "@/lib/endpoint/resolve-actor";

/** Opens every operator service: anyone but the platform operator is refused (FORBIDDEN), whatever door they used. */
export function requireOperator(ctx: ServiceContext): Promise<void> {
  return requirePermission(ctx.actor, "platform.operate");
}
