import { routeHandler } from "@/lib/endpoint/route-handler";
import { listAccessDecisionsEndpoint } from "@/lib/services/audit/list-access-decisions";

export const GET = routeHandler(listAccessDecisionsEndpoint);
