import { routeHandler } from "@/lib/endpoint/route-handler";
import { createSubAccountEndpoint } from "@/lib/services/tenants/create-sub-account";
import { listTenantUsersEndpoint } from "@/lib/services/tenants/list-tenant-users";

export const GET = routeHandler(listTenantUsersEndpoint);
export const POST = routeHandler(createSubAccountEndpoint);
