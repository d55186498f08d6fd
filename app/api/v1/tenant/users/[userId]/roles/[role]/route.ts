import { routeHandler } from "@/lib/endpoint/route-handler";
import { setTenantRoleEndpoint } from "@/lib/services/tenants/set-tenant-role";

export const PATCH = routeHandler(setTenantRoleEndpoint);
