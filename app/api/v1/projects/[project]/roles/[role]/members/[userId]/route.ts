import { routeHandler } from "@/lib/endpoint/route-handler";
import { revokeRoleEndpoint } from "@/lib/services/roles/revoke-role";

export const DELETE = routeHandler(revokeRoleEndpoint);
