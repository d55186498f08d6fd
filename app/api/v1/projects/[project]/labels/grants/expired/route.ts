import { routeHandler } from "@/lib/endpoint/route-handler";
import { clearExpiredLabelGrantsEndpoint } from "@/lib/services/labels/clear-expired-label-grants";

export const DELETE = routeHandler(clearExpiredLabelGrantsEndpoint);
