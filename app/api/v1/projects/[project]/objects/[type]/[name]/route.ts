import { routeHandler } from "@/lib/endpoint/route-handler";
import { getObjectEndpoint } from "@/lib/services/catalog/get-object";

export const GET = routeHandler(getObjectEndpoint);
