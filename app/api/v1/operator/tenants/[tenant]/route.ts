import { routeHandler } from "@/lib/endpoint/route-handler";
import { setTenantDisabledEndpoint } from "@/lib/services/operator/set-tenant-disabled";

export const PATCH = routeHandler(setTenantDisabledEndpoint);
