import { routeHandler } from "@/lib/endpoint/route-handler";
import { listRequestsEndpoint } from "@/lib/services/requests/list-requests";

export const GET = routeHandler(listRequestsEndpoint);
