import { routeHandler } from "@/lib/endpoint/route-handler";
import { listAuditEventsEndpoint } from "@/lib/services/audit/list-audit-events";

export const GET = routeHandler(listAuditEventsEndpoint);
