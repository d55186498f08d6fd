import { routeHandler } from "@/lib/endpoint/route-handler";
import { revokeGrantEndpoint } from "@/lib/services/grants/revoke-grant";

export const DELETE = routeHandler(revokeGrantEndpoint);
