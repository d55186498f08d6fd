import { z } from "zod";
import { recordAccessDecisions, type AnsweredDecision } from "@/lib/audit/access-decision-log";
import type { ServiceContext } from "@/lib/context/service-context";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import { AppError, toErrorBody, type ErrorBody } from "@/lib/errors";
import { admitQuestion, answerQuestion, type DecisionAnswer } from "./support/answer-decision-request";
import { decisionApiRequest } from "./support/decision-api-request";

const AUTHORIZE_BATCH = "access.authorize-batch";
export const MAX_BATCH_REQUESTS = 1000;

export const authorizeBatchInput = z.object({
  requests: z
    .array(z.unknown(), { error: "Send requests: a list of authorize requests." })
    .min(1, "Send at least one request.")
    .max(MAX_BATCH_REQUESTS, `Send at most ${MAX_BATCH_REQUESTS} requests per batch.`),
});

/** Each answer in the place of its request: a decision, or the error that item alone met. */
export type BatchAnswer = DecisionAnswer | { error: ErrorBody };

/**
 * Up to 1,000 decision-API questions in one call, answered in order. Items fail alone when their DATA is
 * wrong (an invalid item, an unknown principal, object or column: an error in that item's place, 200 for the
 * batch); the batch is refused as a whole when the caller may not ASK one of its questions (another principal
 * without administering the project, a project outside its scope: 403/404, audited once), as a single call
 * would be. Each project is resolved once per batch (one memo for the batch), and every decision of the batch
 * is recorded in the same group commit before the batch is answered.
 */
export async function authorizeBatch(ctx: ServiceContext, input: z.output<typeof authorizeBatchInput>) {
  const batch: ServiceContext = { ...ctx, memo: new Map() };
  const parsed = input.requests.map((item) => decisionApiRequest.safeParse(item));
  // Admission first, for every valid item: one refusal refuses the batch before anything is decided.
  const admitted = await Promise.all(
    parsed.map((item) => (item.success ? admitQuestion(batch, item.data) : Promise.resolve(null))),
  );
  const records: AnsweredDecision[] = [];
  const answers: BatchAnswer[] = [];
  for (const [position, item] of parsed.entries()) {
    if (!item.success) {
      const fieldErrors = z.flattenError(item.error).fieldErrors as Record<string, string[]>;
      answers.push({ error: { code: "INVALID_INPUT", message: "Some fields need attention.", fieldErrors } });
      continue;
    }
    try {
      const { answer, record } = await answerQuestion(batch, item.data, admitted[position]!, AUTHORIZE_BATCH);
      records.push(record);
      answers.push(answer);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      answers.push({ error: toErrorBody(error) });
    }
  }
  await recordAccessDecisions(ctx, records);
  return { answers };
}

export const authorizeBatchEndpoint = defineEndpoint({
  name: AUTHORIZE_BATCH,
  input: authorizeBatchInput,
  permission: "signed-in",
  // Every decision is recorded (a durable commit) before the answer leaves.
  recordsEveryAnswer: true,
  // 1,000 requests of about 4 kB each (a principal, an object, dozens of columns and a context).
  bodyLimit: 4 * 1024 * 1024,
  run: authorizeBatch,
});
