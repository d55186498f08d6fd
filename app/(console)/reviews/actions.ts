"use server";

import { serverAction } from "@/lib/endpoint/server-action";
import { closeReviewEndpoint } from "@/lib/services/reviews/close-review";
import { decideReviewItemEndpoint } from "@/lib/services/reviews/decide-review-item";
import { decideReviewItemsEndpoint } from "@/lib/services/reviews/decide-review-items";
import { startReviewEndpoint } from "@/lib/services/reviews/start-review";

export const startReviewAction = serverAction(startReviewEndpoint);
export const decideReviewItemAction = serverAction(decideReviewItemEndpoint);
export const decideReviewItemsAction = serverAction(decideReviewItemsEndpoint);
export const closeReviewAction = serverAction(closeReviewEndpoint);
