import { routeHandler } from "@/lib/endpoint/route-handler";
import { decideReviewItemsEndpoint } from "@/lib/services/reviews/decide-review-items";

export const POST = routeHandler(decideReviewItemsEndpoint);
