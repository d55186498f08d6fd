import { routeHandler } from "@/lib/endpoint/route-handler";
import { grantPrivilegesEndpoint } from "@/lib/services/grants/grant-privileges";
import { listGrantsEndpoint } from "@/lib/services/grants/list-grants";

export const GET = routeHandler(listGrantsEndpoint);
export const POST = routeHandler(grantPrivilegesEndpoint);
