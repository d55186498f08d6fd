import { administers, compile, decide, securitySnapshotSchema, withoutStatementText, type Decision } from "@/lib/authz";
import { principalOf, requestContextOf } from "@/lib/authorize/request-principal";
import type { ServiceContext } from "@/lib/context/service-context";
import { loadSnapshot } from "@/lib/db/load-snapshot";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import { AppError } from "@/lib/errors";
import { requestInput, type RequestInput } from "./support/request-fields";
import { describePayload } from "./support/request-payload";
import { prepareRequest } from "./support/prepare-request";
import type { PreviewQuestion } from "./support/request-target";

const DAY = 86_400_000;

export interface RequestPreview {
  project: string;
  summary: string;
  /** The payload's kind (a ROLE has no expiry: `days` is 0 and `expiresAt` means nothing). */
  kind: string;
  days: number;
  /** When the grant would expire, were it approved now. */
  expiresAt: string;
  requiredApprovals: number;
  /** Each question the request is about: the engine's decision today, and with the requested grant added. */
  questions: (PreviewQuestion & { now: Decision; withGrant: Decision })[];
}

/**
 * What a request would change, before it is sent: the engine decides the requester's questions (each
 * privilege on the object, or a Select of the labelled columns) against today's state and against the same
 * state with the requested grant added. Nothing is written. Statement text is hidden as Check access hides it
 * from non-administrators.
 */
export async function previewRequest(ctx: ServiceContext, input: RequestInput): Promise<RequestPreview> {
  const { project, rules, target, days } = await prepareRequest(ctx, input);
  const loaded = await loadSnapshot(project.id);
  if (!loaded) throw new AppError("NOT_FOUND", `Project ${input.project} was not found.`);
  const expiresAt = Date.now() + days * DAY;
  const hypothetical = compile(target.withGrant(securitySnapshotSchema.parse(loaded), ctx.actor.userId, expiresAt));
  const told = administers(project.index, ctx.actor.userId) ? (decision: Decision) => decision : withoutStatementText;
  const ask = (index: typeof hypothetical, question: PreviewQuestion) =>
    told(
      decide(index, {
        principal: principalOf(ctx.actor),
        project: project.name,
        action: question.action,
        object: {
          type: question.type,
          name: question.name,
          ...(question.columns ? { columns: question.columns } : {}),
        },
        context: requestContextOf(ctx),
      }),
    );
  return {
    project: project.name,
    summary: describePayload(target.payload),
    kind: target.payload.kind,
    days,
    expiresAt: new Date(expiresAt).toISOString(),
    requiredApprovals: rules.requiredApprovals[target.payload.kind],
    questions: target.questions.map((question) => ({
      ...question,
      now: ask(project.index, question),
      withGrant: ask(hypothetical, question),
    })),
  };
}

export const previewRequestEndpoint = defineEndpoint({
  name: "request.preview",
  input: requestInput,
  permission: "signed-in",
  run: previewRequest,
});
