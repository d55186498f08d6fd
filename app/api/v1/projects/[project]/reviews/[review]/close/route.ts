import { routeHandler } from "@/lib/endpoint/route-handler";
import { closeReviewEndpoint } from "@/lib/services/reviews/close-review";

export const POST = routeHandler(closeReviewEndpoint);
