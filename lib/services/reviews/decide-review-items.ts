import { z } from "zod";
import type { ServiceContext } from "@/lib/context/service-context";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import { decideItems } from "./support/decide-items";
import { commentField, decisionField, idField, reviewRef } from "./support/review-fields";

export const MAX_BULK_ITEMS = 100;

export const decideReviewItemsInput = z.object({
  ...reviewRef,
  // A form with one box checked sends one value, not a list; with none, no field at all.
  items: z.preprocess(
    (value) => (value === undefined ? [] : typeof value === "string" ? [value] : value),
    z
      .array(idField("item"))
      .min(1, "Choose at least one item.")
      .max(MAX_BULK_ITEMS, `Decide at most ${MAX_BULK_ITEMS} items at once.`),
  ),
  decision: decisionField,
  comment: commentField,
});

/**
 * Keeps or revokes up to 100 items with one comment, with every check of a single decision on each, all or
 * nothing: one item decided meanwhile, or not the caller's to decide, refuses the batch.
 */
export function decideReviewItems(ctx: ServiceContext, input: z.output<typeof decideReviewItemsInput>) {
  return decideItems(ctx, input, "review.decide-bulk").then((items) => ({ items }));
}

export const decideReviewItemsEndpoint = defineEndpoint({
  name: "review.decide-bulk",
  input: decideReviewItemsInput,
  permission: "signed-in",
  run: decideReviewItems,
});
