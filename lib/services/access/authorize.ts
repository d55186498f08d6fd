import { recordAccessDecisions } from "@/lib/audit/access-decision-log";
import type { ServiceContext } from "@/lib/context/service-context";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import { admitQuestion, answerQuestion, type DecisionAnswer } from "./support/answer-decision-request";
import { decisionApiRequest, type DecisionApiRequest } from "./support/decision-api-request";

const AUTHORIZE = "access.authorize";

/**
 * The decision API for query engines: may `principal` do `action` on `object` in `project`? Answered by the
 * engine check access uses, and recorded as an access decision before the answer leaves (the record is
 * committed first: what was answered was audited).
 */
export async function authorize(ctx: ServiceContext, input: DecisionApiRequest): Promise<DecisionAnswer> {
  const { answer, record } = await answerQuestion(ctx, input, await admitQuestion(ctx, input), AUTHORIZE);
  await recordAccessDecisions(ctx, [record]);
  return answer;
}

export const authorizeEndpoint = defineEndpoint({
  name: AUTHORIZE,
  input: decisionApiRequest,
  // Any signed-in user may ask about themselves; admitQuestion decides who may ask about others.
  permission: "signed-in",
  // Every decision is recorded (a durable commit) before the answer leaves.
  recordsEveryAnswer: true,
  run: authorize,
});
