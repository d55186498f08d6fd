import { routeHandler } from "@/lib/endpoint/route-handler";
import { listRolesEndpoint } from "@/lib/services/roles/list-roles";

export const GET = routeHandler(listRolesEndpoint);
