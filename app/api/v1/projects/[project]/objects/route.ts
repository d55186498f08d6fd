import { routeHandler } from "@/lib/endpoint/route-handler";
import { listObjectsEndpoint } from "@/lib/services/catalog/list-objects";

export const GET = routeHandler(listObjectsEndpoint);
