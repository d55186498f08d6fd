import { routeHandler } from "@/lib/endpoint/route-handler";
import { createTenantEndpoint } from "@/lib/services/operator/create-tenant";
import { listTenantsEndpoint } from "@/lib/services/operator/list-tenants";

export const GET = routeHandler(listTenantsEndpoint);
export const POST = routeHandler(createTenantEndpoint);
