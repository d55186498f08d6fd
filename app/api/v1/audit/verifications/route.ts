import { routeHandler } from "@/lib/endpoint/route-handler";
import { listAuditVerificationsEndpoint } from "@/lib/services/audit/list-audit-verifications";

export const GET = routeHandler(listAuditVerificationsEndpoint);
