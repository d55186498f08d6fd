import { routeHandler } from "@/lib/endpoint/route-handler";
import { withdrawRequestEndpoint } from "@/lib/services/requests/withdraw-request";

export const POST = routeHandler(withdrawRequestEndpoint);
