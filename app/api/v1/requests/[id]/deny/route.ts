import { routeHandler } from "@/lib/endpoint/route-handler";
import { denyRequestEndpoint } from "@/lib/services/requests/deny-request";

export const POST = routeHandler(denyRequestEndpoint);
