import { routeHandler } from "@/lib/endpoint/route-handler";
import { getReviewEndpoint } from "@/lib/services/reviews/get-review";

export const GET = routeHandler(getReviewEndpoint);
