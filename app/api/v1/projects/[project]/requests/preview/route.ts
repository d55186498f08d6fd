import { routeHandler } from "@/lib/endpoint/route-handler";
import { previewRequestEndpoint } from "@/lib/services/requests/preview-request";

export const POST = routeHandler(previewRequestEndpoint);
