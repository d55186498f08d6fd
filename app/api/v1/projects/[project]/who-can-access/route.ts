import { routeHandler } from "@/lib/endpoint/route-handler";
import { whoCanAccessEndpoint } from "@/lib/services/access/who-can-access";

export const GET = routeHandler(whoCanAccessEndpoint);
