import { routeHandler } from "@/lib/endpoint/route-handler";
import { authorizeEndpoint } from "@/lib/services/access/authorize";

export const POST = routeHandler(authorizeEndpoint);
