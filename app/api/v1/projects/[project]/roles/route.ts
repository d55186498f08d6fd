import { routeHandler } from "@/lib/endpoint/route-handler";
import { createRoleEndpoint } from "@/lib/services/roles/create-role";
import { listRolesEndpoint } from "@/lib/services/roles/list-roles";

export const GET = routeHandler(listRolesEndpoint);
export const POST = routeHandler(createRoleEndpoint);
