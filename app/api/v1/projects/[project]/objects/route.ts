import { routeHandler } from "@/lib/endpoint/route-handler";
import { createObjectEndpoint } from "@/lib/services/catalog/create-object";
import { listObjectsEndpoint } from "@/lib/services/catalog/list-objects";

export const GET = routeHandler(listObjectsEndpoint);
export const POST = routeHandler(createObjectEndpoint);
