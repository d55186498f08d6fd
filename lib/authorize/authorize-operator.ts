import type { ServiceContext } from "@/lib/context/service-context";
import { authorizePermission } from "./authorize-permission";

/** Opens every operator service: anyone but the platform operator is refused (FORBIDDEN), whatever door they used. */
export function authorizeOperator(ctx: ServiceContext): Promise<void> {
  return authorizePermission(ctx.actor, "platform.operate");
}
