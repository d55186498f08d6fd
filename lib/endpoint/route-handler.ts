import type { z } from "zod";
import { ERROR_STATUS } from "@/lib/errors";
import { requestMetaFromHeaders } from "@/lib/http/request-meta";
import type { EndpointDefinition } from "./define-endpoint";
import { runEndpoint } from "./run-endpoint";
import { isSameOrigin } from "./same-origin";
import { sessionActor } from "./session-actor";

type RouteContext = { params: Promise<Record<string, string | string[]>> };

/**
 * Builds an App Router route handler from an endpoint definition. Input = path params + query string
 * (+ the JSON body for methods that carry one). Errors answer `{ error: { code, message, fieldErrors } }`.
 * The handler carries its definition (`.endpoint`), so tests over the entry-point inventory know its endpoint.
 */
export function routeHandler<Schema extends z.ZodType, Output>(definition: EndpointDefinition<Schema, Output>) {
  async function handle(request: Request, context: RouteContext): Promise<Response> {
    const meta = requestMetaFromHeaders(request.headers);
    const safeMethod = request.method === "GET" || request.method === "HEAD";
    const body = safeMethod ? {} : await readJson(request);
    if (body === undefined) {
      return Response.json({ error: { code: "INVALID_INPUT", message: "The body must be a JSON object." } }, { status: 422 });
    }
    // Path parameters win over anything the query or body says about the same names.
    const input = { ...Object.fromEntries(new URL(request.url).searchParams), ...body, ...(await context.params) };
    const actor = safeMethod || isSameOrigin(request.headers) ? await sessionActor() : null;
    const result = await runEndpoint(definition, actor, meta, input);
    if (result.ok) return Response.json({ data: result.data });
    return Response.json({ error: result.error }, { status: ERROR_STATUS[result.error.code] });
  }
  return Object.assign(handle, { endpoint: definition });
}

async function readJson(request: Request): Promise<Record<string, unknown> | undefined> {
  const text = await request.text();
  if (!text) return {};
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
