"use server";

import { serverAction } from "@/lib/endpoint/server-action";
import { closeReviewEndpoint } from "@/lib/services/reviews/close-review";
import { decideReviewItemEndpoint } from "@/lib/services/reviews/decide-review-item";
import { startReviewEndpoint } from "@/lib/services/reviews/start-review";

export const startReviewAction = serverAction(startReviewEndpoint);
export const decideReviewItemAction = serverAction(decideReviewItemEndpoint);
export const closeReviewAction = serverAction(closeReviewEndpoint);
