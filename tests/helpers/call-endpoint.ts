import type { z } from "zod";
import type { EndpointDefinition } from "@/lib/endpoint/define-endpoint";
import { runEndpoint } from "@/lib/endpoint/run-endpoint";
import { contextFor, requestMeta } from "./test-database";

export type AnyEndpoint = EndpointDefinition<z.ZodType, unknown>;
/** An endpoint definition of any input and output, as the door runs it. */
export const endpoint = (definition: unknown) => definition as AnyEndpoint;

/** Runs an endpoint through the one door as a demo user (by email), or with no caller. */
export async function call(definition: unknown, who: string | null, input: Record<string, unknown>) {
  const actor = who ? (await contextFor(who)).actor : null;
  return runEndpoint(endpoint(definition), actor, requestMeta(), input);
}

/** The answer of a call that must succeed (the error, if any, as the failure's message). */
export async function ok<T>(definition: unknown, who: string, input: Record<string, unknown>): Promise<T> {
  const result = await call(definition, who, input);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.data as T;
}
