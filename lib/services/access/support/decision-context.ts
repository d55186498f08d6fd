import { isIP } from "node:net";
import { z } from "zod";
import type { RequestContext } from "@/lib/authz";
import type { ServiceContext } from "@/lib/context/service-context";

/** An optional field where an empty form value (a GET form sends every field) means "not given". */
export function optionalField<Schema extends z.ZodType>(schema: Schema) {
  return z.preprocess(
    (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
    schema.optional(),
  );
}

/** The circumstances an access view asks the engine about; by default the actor's own address, and now. */
export const decisionContextFields = {
  sourceIp: optionalField(
    z
      .string()
      .trim()
      .refine((value) => isIP(value) !== 0, "Enter an IPv4 or IPv6 address."),
  ),
  time: optionalField(
    z
      .string()
      .trim()
      .max(40)
      .refine((value) => !Number.isNaN(Date.parse(value)), "Enter a date and time, e.g. 2025-06-01T09:00:00Z.")
      .transform((value) => Date.parse(value)),
  ),
};

type ContextInput = {
  sourceIp?: string | undefined;
  time?: number | undefined;
  targetProject?: string | undefined;
  targetProjectId?: string | undefined;
  /** `odps:TaskType` (SQL, DT for a tunnel download, ...), for conditions that read it. */
  taskType?: string | undefined;
};

export function decisionContext(ctx: ServiceContext, input: ContextInput): RequestContext {
  const sourceIp = input.sourceIp ?? ctx.request.sourceIp ?? undefined;
  return {
    ...(sourceIp ? { sourceIp } : {}),
    time: input.time ?? Date.now(),
    ...(input.targetProject ? { targetProject: input.targetProject } : {}),
    ...(input.targetProjectId ? { targetProjectId: input.targetProjectId } : {}),
    ...(input.taskType ? { taskType: input.taskType } : {}),
  };
}

/** The circumstances as the views print them. */
export function describedContext(context: RequestContext) {
  return {
    sourceIp: context.sourceIp ?? null,
    time: new Date(context.time).toISOString(),
    targetProject: context.targetProject ?? null,
  };
}
