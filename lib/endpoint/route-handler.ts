import type { z } from "zod";
import { ERROR_STATUS, toErrorBody, type ErrorBody } from "@/lib/errors";
import { isAcs3Signed } from "@/lib/access-keys/acs3-signature";
import { requestMetaFromHeaders } from "@/lib/http/request-meta";
import { DEFAULT_BODY_LIMIT, readCappedBody } from "./capped-body";
import type { EndpointDefinition } from "./define-endpoint";
import { runEndpoint, type EndpointResult } from "./run-endpoint";
import { isSameOrigin } from "./same-origin";
import { sessionActor } from "./session-actor";
import { SIGNATURE_REFUSAL, signedRequestActor } from "./signed-actor";

type RouteContext = { params: Promise<Record<string, string | string[]>> };

/**
 * Builds an App Router route handler from an endpoint definition. Input = path params + query string
 * (+ the JSON body for methods that carry one). Errors answer `{ error: { code, message, fieldErrors } }`.
 * A request with an ACS3-HMAC-SHA256 Authorization header is authenticated by its signature instead of the
 * session cookie (lib/endpoint/signed-actor.ts) and needs no Origin; its errors add top-level code/message.
 * INVARIANT: the caller is authenticated before the body is read, and the body is capped (a declared
 * Content-Length over the cap is refused before anything else; the bytes are counted as they arrive).
 * The handler carries its definition (`.endpoint`), so tests over the entry-point inventory know its endpoint.
 */
export function routeHandler<Schema extends z.ZodType, Output>(definition: EndpointDefinition<Schema, Output>) {
  const bodyLimit = definition.bodyLimit ?? DEFAULT_BODY_LIMIT;
  async function handle(request: Request, context: RouteContext): Promise<Response> {
    const meta = requestMetaFromHeaders(request.headers);
    const safeMethod = request.method === "GET" || request.method === "HEAD";
    if (!safeMethod && Number(request.headers.get("content-length")) > bodyLimit) return payloadTooLarge(bodyLimit);
    const query = Object.fromEntries(new URL(request.url).searchParams);
    const params = await context.params;
    if (isAcs3Signed(request.headers.get("authorization"))) {
      // A signed call is judged by its signature alone (no cookie, no Origin: it is not a browser's).
      let signed: Awaited<ReturnType<typeof signedRequestActor>>;
      try {
        signed = await signedRequestActor(request, meta, bodyLimit, {
          nonceFlushedByAnswer: definition.recordsEveryAnswer === true,
        });
      } catch (error) {
        // The check itself failed (the database unreachable, say): a 500 in the API's shape, never an answer.
        console.error(`[${definition.name}] the signature check failed`, error);
        return signedRespond(respond({ ok: false, error: toErrorBody(error) }));
      }
      if (!signed.ok) return signed.tooLarge ? signedRespond(payloadTooLarge(bodyLimit)) : signatureRefused();
      const json = safeMethod ? {} : parseJsonObject(signed.body);
      if (json === undefined) return signedRespond(notAJsonObject());
      const signedMeta = { ...meta, systemWhitelist: signed.systemWhitelist };
      return signedRespond(
        respond(await runEndpoint(definition, signed.actor, signedMeta, { ...query, ...json, ...params }), definition),
      );
    }
    const actor = safeMethod || isSameOrigin(request.headers) ? await sessionActor() : null;
    if (safeMethod || !actor) {
      return respond(await runEndpoint(definition, actor, meta, { ...query, ...params }), definition);
    }
    const body = await readCappedBody(request, bodyLimit);
    if (!body.ok) return payloadTooLarge(bodyLimit);
    const json = parseJsonObject(body.text);
    if (json === undefined) return notAJsonObject();
    // Path parameters win over anything the query or body says about the same names.
    return respond(await runEndpoint(definition, actor, meta, { ...query, ...json, ...params }), definition);
  }
  return Object.assign(handle, { endpoint: definition });
}

function respond<Output>(
  result: EndpointResult<Output>,
  definition?: Pick<EndpointDefinition<z.ZodType, Output>, "successStatus">,
): Response {
  // A service that answers a download (a streamed export) gives the Response itself, headers and all.
  if (result.ok && result.data instanceof Response) return result.data;
  if (result.ok)
    return Response.json({ data: result.data }, { status: definition?.successStatus?.(result.data) ?? 200 });
  return Response.json({ error: result.error }, { status: ERROR_STATUS[result.error.code] });
}

function notAJsonObject(): Response {
  return Response.json(
    { error: { code: "INVALID_INPUT", message: "The body must be a JSON object." } },
    { status: 422 },
  );
}

/** Every failed signature check: the same 403 (lib/endpoint/signed-actor.ts, SIGNATURE_REFUSAL). */
function signatureRefused(): Response {
  return Response.json(
    { ...SIGNATURE_REFUSAL, error: { code: "UNAUTHENTICATED", message: SIGNATURE_REFUSAL.message } },
    { status: 403 },
  );
}

/**
 * A signed caller's error also carries `code` and `message` at the top level, where Alibaba Cloud's SDK reads
 * them; the `{ error: {...} }` shape stays for everyone else.
 */
async function signedRespond(response: Response): Promise<Response> {
  if (response.ok) return response;
  const body = (await response.json()) as { error: ErrorBody };
  return Response.json({ code: body.error.code, message: body.error.message, ...body }, { status: response.status });
}

function payloadTooLarge(limit: number): Response {
  const message = `The request body may be at most ${limit} bytes.`;
  return Response.json({ error: { code: "PAYLOAD_TOO_LARGE", message } }, { status: ERROR_STATUS.PAYLOAD_TOO_LARGE });
}

function parseJsonObject(text: string): Record<string, unknown> | undefined {
  if (!text) return {};
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
