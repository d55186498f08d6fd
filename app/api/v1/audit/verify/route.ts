import { routeHandler } from "@/lib/endpoint/route-handler";
import { verifyTenantAuditChainEndpoint } from "@/lib/services/audit/verify-tenant-audit-chain";

export const POST = routeHandler(verifyTenantAuditChainEndpoint);
