import { routeHandler } from "@/lib/endpoint/route-handler";
import { getAuditEventEndpoint } from "@/lib/services/audit/get-audit-event";

export const GET = routeHandler(getAuditEventEndpoint);
