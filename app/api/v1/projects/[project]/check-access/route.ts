import { routeHandler } from "@/lib/endpoint/route-handler";
import { checkAccessEndpoint } from "@/lib/services/access/check-access";

export const POST = routeHandler(checkAccessEndpoint);
