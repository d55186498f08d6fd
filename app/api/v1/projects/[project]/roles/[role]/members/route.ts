import { routeHandler } from "@/lib/endpoint/route-handler";
import { assignRoleEndpoint } from "@/lib/services/roles/assign-role";

export const POST = routeHandler(assignRoleEndpoint);
