import { routeHandler } from "@/lib/endpoint/route-handler";
import { whoAmIEndpoint } from "@/lib/services/me/who-am-i";

export const GET = routeHandler(whoAmIEndpoint);
