import { routeHandler } from "@/lib/endpoint/route-handler";
import { describeLabelsEndpoint } from "@/lib/services/labels/describe-labels";
import { setObjectLabelEndpoint } from "@/lib/services/labels/set-object-label";

export const GET = routeHandler(describeLabelsEndpoint);
export const PUT = routeHandler(setObjectLabelEndpoint);
