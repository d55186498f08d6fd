import { z } from "zod";
import { webhookUrlProblem } from "@/lib/webhooks/webhook-target";

export const webhookUrlField = z
  .string("Enter the URL deliveries are POSTed to.")
  .trim()
  .superRefine((value, ctx) => {
    const problem = webhookUrlProblem(value);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });
