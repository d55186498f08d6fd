import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import type { z } from "zod";
import { requestMetaFromHeaders } from "@/lib/http/request-meta";
import type { EndpointDefinition } from "./define-endpoint";
import { runEndpoint, type EndpointResult } from "./run-endpoint";
import { isSameOrigin } from "./same-origin";
import { sessionActor } from "./session-actor";

/** What a form's action returns: the result, plus the submitted values so React 19's form reset loses nothing. */
export type ActionState<Output> = EndpointResult<Output> & { values?: Record<string, string> };

/**
 * Builds a server action `(previousState, formData)` for useActionState from an endpoint definition. The action
 * carries its definition (`.endpoint`), so tests over the entry-point inventory know which endpoint each serves.
 */
export function serverAction<Schema extends z.ZodType, Output>(definition: EndpointDefinition<Schema, Output>) {
  async function action(_previous: unknown, formData: FormData): Promise<ActionState<Output>> {
    const requestHeaders = await headers();
    const request = requestMetaFromHeaders(requestHeaders);
    const input = formDataToObject(formData);
    const actor = isSameOrigin(requestHeaders) ? await sessionActor() : null;
    const result = await runEndpoint(definition, actor, request, input);
    // A change anywhere may show on any page (counts, navigation): re-render what the user sees next.
    if (result.ok) revalidatePath("/", "layout");
    return result.ok ? result : { ...result, values: echoableValues(input, definition.secretFields ?? []) };
  }
  return Object.assign(action, { endpoint: definition });
}

/** Repeated keys (checkbox groups, multi-selects) become arrays; React's internal $ACTION fields are dropped. */
function formDataToObject(formData: FormData): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const values = formData.getAll(key).filter((value): value is string => typeof value === "string");
    object[key] = values.length > 1 ? values : values[0];
  }
  return object;
}

function echoableValues(input: Record<string, unknown>, secretFields: readonly string[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(input)) {
    if (typeof value === "string" && !secretFields.includes(key)) values[key] = value;
  }
  return values;
}
