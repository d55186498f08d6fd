import { routeHandler } from "@/lib/endpoint/route-handler";
import { getAuditVerificationEndpoint } from "@/lib/services/audit/get-audit-verification";

export const GET = routeHandler(getAuditVerificationEndpoint);
