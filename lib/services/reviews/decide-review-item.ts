import { z } from "zod";
import type { ServiceContext } from "@/lib/context/service-context";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import { decideItems } from "./support/decide-items";
import { commentField, decisionField, idField, reviewRef } from "./support/review-fields";

export const decideReviewItemInput = z.object({
  ...reviewRef,
  item: idField("item"),
  decision: decisionField,
  comment: commentField,
});

/**
 * A reviewer keeps or revokes one item. Reviewers: the project's owner and the active members holding the
 * review's reviewer roles; never the holder of the grant (nor of the role it is granted to); and only one the
 * engine would let revoke that grant by hand. A revocation removes the grant in the same transaction as the
 * decision and its audit event, exactly once however many decide at once; a grant changed or removed since the
 * start is reported as such (GONE, CHANGED), not revoked.
 */
export function decideReviewItem(ctx: ServiceContext, input: z.output<typeof decideReviewItemInput>) {
  return decideItems(ctx, { ...input, items: [input.item] }, "review.decide").then(([decided]) => decided!);
}

export const decideReviewItemEndpoint = defineEndpoint({
  name: "review.decide",
  input: decideReviewItemInput,
  permission: "signed-in",
  run: decideReviewItem,
});
