import { routeHandler } from "@/lib/endpoint/route-handler";
import { listClearancesEndpoint } from "@/lib/services/labels/list-clearances";
import { setClearanceEndpoint } from "@/lib/services/labels/set-clearance";

export const GET = routeHandler(listClearancesEndpoint);
export const PUT = routeHandler(setClearanceEndpoint);
