import { routeHandler } from "@/lib/endpoint/route-handler";
import { suggestNamesEndpoint } from "@/lib/services/grants/suggest-names";

export const GET = routeHandler(suggestNamesEndpoint);
