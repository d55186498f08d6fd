import { routeHandler } from "@/lib/endpoint/route-handler";
import { authorizeBatchEndpoint } from "@/lib/services/access/authorize-batch";

export const POST = routeHandler(authorizeBatchEndpoint);
