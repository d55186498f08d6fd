import { notFound, redirect } from "next/navigation";
import type { z } from "zod";
import { AppError, type ErrorBody } from "@/lib/errors";
import type { RequestMemo } from "@/lib/context/request-memo";
import type { Actor, RequestMeta } from "@/lib/context/service-context";
import type { EndpointDefinition } from "./define-endpoint";
import { runEndpoint } from "./run-endpoint";

/** The codes a page shows in place (a refusal notice, or a form's field errors); the rest never render data. */
type ShownCode = "FORBIDDEN" | "INVALID_INPUT";

/** What a page renders from a read: the data, or the refusal (or, for a question page, the invalid input). */
export type PageRead<Output> = { ok: true; data: Output } | { ok: false; error: ErrorBody & { code: ShownCode } };

export interface PageReadOptions {
  /**
   * Set on a page whose query string is a question the user typed (check access, effective permissions):
   * INVALID_INPUT comes back for the form to show at its fields instead of failing the page.
   */
  invalidInputIsAnswer?: boolean;
}

/**
 * A page's read through the one door, as `actor`: runEndpoint (so a refusal is audited exactly like the API's),
 * then NOT_FOUND renders the 404 page, UNAUTHENTICATED the login page, FORBIDDEN comes back for the page's
 * refusal notice, and anything else is thrown to the error page.
 */
export async function readPageAs<Schema extends z.ZodType, Output>(
  actor: Actor | null,
  request: RequestMeta,
  endpoint: EndpointDefinition<Schema, Output>,
  input: Record<string, unknown>,
  options: PageReadOptions = {},
  memo?: RequestMemo,
): Promise<PageRead<Output>> {
  const result = await runEndpoint(endpoint, actor, request, input, memo);
  if (result.ok) return result;
  const { error } = result;
  if (error.code === "NOT_FOUND") notFound();
  if (error.code === "UNAUTHENTICATED") redirect("/login");
  if (error.code === "FORBIDDEN" || (error.code === "INVALID_INPUT" && options.invalidInputIsAnswer)) {
    return { ok: false, error: { ...error, code: error.code } };
  }
  throw new AppError(error.code, error.message, error.fieldErrors);
}

/** Two reads a page shows together: both data, or the first refusal. */
export function bothRead<A, B>(first: PageRead<A>, second: PageRead<B>): PageRead<[A, B]> {
  if (!first.ok) return first;
  if (!second.ok) return second;
  return { ok: true, data: [first.data, second.data] };
}
