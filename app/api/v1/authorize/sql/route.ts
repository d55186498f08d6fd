import { routeHandler } from "@/lib/endpoint/route-handler";
import { authorizeSqlEndpoint } from "@/lib/services/access/authorize-sql";

export const POST = routeHandler(authorizeSqlEndpoint);
