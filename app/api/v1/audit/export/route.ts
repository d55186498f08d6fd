import { routeHandler } from "@/lib/endpoint/route-handler";
import { exportAuditEventsEndpoint } from "@/lib/services/audit/export-audit-events";

export const GET = routeHandler(exportAuditEventsEndpoint);
