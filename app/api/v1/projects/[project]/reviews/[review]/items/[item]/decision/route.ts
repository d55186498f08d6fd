import { routeHandler } from "@/lib/endpoint/route-handler";
import { decideReviewItemEndpoint } from "@/lib/services/reviews/decide-review-item";

export const POST = routeHandler(decideReviewItemEndpoint);
