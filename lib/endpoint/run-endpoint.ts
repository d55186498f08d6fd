import { z } from "zod";
import { prisma } from "@/lib/db/client";
import { AppError, AuditedRefusal, toErrorBody, type ErrorBody, type ErrorCode } from "@/lib/errors";
import { auditWhoOf, recordAuditEvent, type AuditWho } from "@/lib/audit/record-audit-event";
import { anonymousRefusalAllowed } from "@/lib/audit/anonymous-refusals";
import type { RequestMemo } from "@/lib/context/request-memo";
import type { Actor, RequestMeta } from "@/lib/context/service-context";
import type { EndpointDefinition } from "./define-endpoint";
import { refuseOutsideSystemWhitelist } from "@/lib/authorize/source-address-gate";
import { authorizePermission } from "@/lib/authorize/authorize-permission";

export type EndpointResult<Output> = { ok: true; data: Output } | { ok: false; error: ErrorBody };

const DENIED_CODES: ReadonlySet<ErrorCode> = new Set(["UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND"]);

/**
 * The one door: actor → system IP whitelist → declared permission → input validation → service (project-scoped
 * services then check the project's whitelist in projectInScope). Every refusal and failure is
 * audited in a transaction of its own (the service's own transaction has rolled back by then).
 */
export async function runEndpoint<Schema extends z.ZodType, Output>(
  definition: EndpointDefinition<Schema, Output>,
  actor: Actor | null,
  request: RequestMeta,
  rawInput: unknown,
  /** A page render's memo (readPage), shared by the reads of one render; actions and routes pass none. */
  memo?: RequestMemo,
): Promise<EndpointResult<Output>> {
  try {
    if (!actor) {
      // Anonymous refusals are counted, not chained; past the per-address limit they are answered 429.
      if (!anonymousRefusalAllowed(request.sourceIp)) {
        throw new AppError("TOO_MANY_REQUESTS", "Too many requests without credentials: wait a minute.");
      }
      throw new AppError("UNAUTHENTICATED", "Sign in to continue.");
    }
    await refuseOutsideSystemWhitelist(request);
    if (definition.sessionOnly && actor.via !== "session") {
      throw new AppError("FORBIDDEN", "This operation needs a console session; an AccessKey may not call it.");
    }
    // Permission before validation: a caller who may not use this door learns nothing about its inputs.
    if (definition.permission !== "signed-in") await authorizePermission(actor, definition.permission);
    const parsed = definition.input.safeParse(rawInput);
    if (!parsed.success) {
      throw new AppError(
        "INVALID_INPUT",
        "Some fields need attention.",
        z.flattenError(parsed.error).fieldErrors as Record<string, string[]>,
      );
    }
    return { ok: true, data: await definition.run({ actor, request, memo }, parsed.data) };
  } catch (error) {
    const body = toErrorBody(error);
    if (body.code === "INTERNAL") console.error(`[${definition.name}]`, error);
    const concernsTenantId = error instanceof AppError ? error.concernsTenantId : undefined;
    if (!(error instanceof AuditedRefusal)) await auditRefusal(definition.name, actor, request, body, concernsTenantId);
    return { ok: false, error: body };
  }
}

const ANONYMOUS: AuditWho = { tenantId: null, actorId: null, actorName: "anonymous", actorType: "ANONYMOUS" };

async function auditRefusal(
  action: string,
  actor: Actor | null,
  request: RequestMeta,
  error: ErrorBody,
  concernsTenantId: string | undefined,
) {
  try {
    await prisma.$transaction((tx) =>
      recordAuditEvent(tx, actor ? auditWhoOf(actor) : ANONYMOUS, request, {
        action,
        result: DENIED_CODES.has(error.code) ? "DENIED" : "FAILED",
        reason: `${error.code}: ${error.message}`,
        concernsTenantId,
      }),
    );
  } catch (auditError) {
    // The refusal stands either way; a lost refusal record is reported, never turned into an allow.
    console.error(`[audit] could not record the refusal of ${action}`, auditError);
  }
}
