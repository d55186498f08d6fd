import { routeHandler } from "@/lib/endpoint/route-handler";
import { approveRequestEndpoint } from "@/lib/services/requests/approve-request";

export const POST = routeHandler(approveRequestEndpoint);
