import { routeHandler } from "@/lib/endpoint/route-handler";
import { dropRoleEndpoint } from "@/lib/services/roles/drop-role";
import { getRoleEndpoint } from "@/lib/services/roles/get-role";

export const GET = routeHandler(getRoleEndpoint);
export const DELETE = routeHandler(dropRoleEndpoint);
