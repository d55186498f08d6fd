import { routeHandler } from "@/lib/endpoint/route-handler";
import { grantLabelEndpoint } from "@/lib/services/labels/grant-label";
import { revokeLabelEndpoint } from "@/lib/services/labels/revoke-label";
import { showLabelGrantsEndpoint } from "@/lib/services/labels/show-label-grants";

export const GET = routeHandler(showLabelGrantsEndpoint);
export const POST = routeHandler(grantLabelEndpoint);
export const DELETE = routeHandler(revokeLabelEndpoint);
