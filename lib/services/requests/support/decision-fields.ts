import { z } from "zod";

/** approve, deny and withdraw: the request and an optional comment (a denial's comment tells the requester why). */
export const decisionInput = z.object({
  id: z.uuid("Name a request by its id."),
  comment: z.string().trim().max(1000, "Keep the comment under 1,000 characters.").default(""),
});
