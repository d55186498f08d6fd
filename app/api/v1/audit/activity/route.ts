import { routeHandler } from "@/lib/endpoint/route-handler";
import { auditActivityEndpoint } from "@/lib/services/audit/audit-activity";

export const GET = routeHandler(auditActivityEndpoint);
