import type { z } from "zod";
import type { EndpointDefinition } from "./define-endpoint";
import { routeHandler } from "./route-handler";

type RouteContext = { params: Promise<Record<string, string | string[]>> };

/**
 * routeHandler() for an endpoint whose answer is a document other tools read as it is (the OpenAPI document):
 * a success answers the output itself instead of `{ data }`; everything else (the door, errors) is routeHandler's.
 */
export function documentRouteHandler<Schema extends z.ZodType, Output>(definition: EndpointDefinition<Schema, Output>) {
  const handle = routeHandler(definition);
  async function document(request: Request, context: RouteContext): Promise<Response> {
    const response = await handle(request, context);
    if (!response.ok) return response;
    return Response.json(((await response.json()) as { data: Output }).data);
  }
  return Object.assign(document, { endpoint: definition });
}
