import { routeHandler } from "@/lib/endpoint/route-handler";
import { getRequestEndpoint } from "@/lib/services/requests/get-request";

export const GET = routeHandler(getRequestEndpoint);
