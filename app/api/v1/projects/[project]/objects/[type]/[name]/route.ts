import { routeHandler } from "@/lib/endpoint/route-handler";
import { dropObjectEndpoint } from "@/lib/services/catalog/drop-object";
import { getObjectEndpoint } from "@/lib/services/catalog/get-object";
import { updateObjectEndpoint } from "@/lib/services/catalog/update-object";

export const GET = routeHandler(getObjectEndpoint);
export const PATCH = routeHandler(updateObjectEndpoint);
export const DELETE = routeHandler(dropObjectEndpoint);
