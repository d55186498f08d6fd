import { routeHandler } from "@/lib/endpoint/route-handler";
import { getPolicyEndpoint } from "@/lib/services/policies/get-policy";
import { savePolicyEndpoint } from "@/lib/services/policies/save-policy";

export const GET = routeHandler(getPolicyEndpoint);
export const PUT = routeHandler(savePolicyEndpoint);
