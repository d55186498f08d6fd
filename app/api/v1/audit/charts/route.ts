import { routeHandler } from "@/lib/endpoint/route-handler";
import { auditChartsEndpoint } from "@/lib/services/audit/audit-charts";

export const GET = routeHandler(auditChartsEndpoint);
