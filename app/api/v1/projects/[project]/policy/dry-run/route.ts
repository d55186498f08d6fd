import { routeHandler } from "@/lib/endpoint/route-handler";
import { dryRunPolicyEndpoint } from "@/lib/services/policies/dry-run-policy";

export const POST = routeHandler(dryRunPolicyEndpoint);
