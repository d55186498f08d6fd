import { headers } from "next/headers";
import { cache } from "react";
import type { RequestMemo } from "@/lib/context/request-memo";
import type { z } from "zod";
import { requestMetaFromHeaders } from "@/lib/http/request-meta";
import type { EndpointDefinition } from "./define-endpoint";
import { readPageAs, type PageRead, type PageReadOptions } from "./page-read";
import { sessionActor } from "./session-actor";

export { bothRead, type PageRead } from "./page-read";

/** One memo per server render (React cache), so the reads of a page resolve its project once (lib/context). */
const renderMemo = cache((): RequestMemo => new Map());

/**
 * The one door for page reads: every console page reads its data through the endpoint definition the API route
 * (or server action) of that operation uses, as the signed-in user. See readPageAs for what each outcome does.
 */
export async function readPage<Schema extends z.ZodType, Output>(
  endpoint: EndpointDefinition<Schema, Output>,
  input: Record<string, unknown>,
  options?: PageReadOptions,
): Promise<PageRead<Output>> {
  const request = requestMetaFromHeaders(await headers());
  return readPageAs(await sessionActor(), request, endpoint, input, options, renderMemo());
}
