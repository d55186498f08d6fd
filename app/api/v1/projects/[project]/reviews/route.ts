import { routeHandler } from "@/lib/endpoint/route-handler";
import { listReviewsEndpoint } from "@/lib/services/reviews/list-reviews";
import { startReviewEndpoint } from "@/lib/services/reviews/start-review";

export const GET = routeHandler(listReviewsEndpoint);
export const POST = routeHandler(startReviewEndpoint);
