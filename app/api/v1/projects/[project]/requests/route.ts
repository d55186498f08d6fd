import { routeHandler } from "@/lib/endpoint/route-handler";
import { createRequestEndpoint } from "@/lib/services/requests/create-request";

export const POST = routeHandler(createRequestEndpoint);
