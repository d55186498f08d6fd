import type { z } from "zod";
import type { ConsolePermission } from "@/lib/authz/console-permissions";
import type { ServiceContext } from "@/lib/context/service-context";
import type { ErrorCode } from "@/lib/errors";

/**
 * One operation: a name for the audit log (the action of every row its calls write) and the inventory, the
 * input schema, the console permission it requires ("signed-in" for any user: the service then decides), and
 * the service call. Served by serverAction(), routeHandler() and readPage() (a page's read), which all run it
 * through runEndpoint().
 */
export interface EndpointDefinition<Schema extends z.ZodType, Output> {
  name: string;
  input: Schema;
  permission: ConsolePermission | "signed-in";
  /** Field names whose values are never echoed back to a form or written to the audit log. */
  secretFields?: readonly string[];
  /**
   * Set on an operation only a console session may call (an AccessKey is refused, FORBIDDEN): the reason why.
   * The operations that manage the console's own sign-in (its password, its sessions) are: a leaked key must
   * not be able to take over or lock out the console account it belongs to.
   */
  sessionOnly?: string;
  /** Error codes it may answer besides the common ones (the OpenAPI document lists them), e.g. INVALID_SQL. */
  errors?: readonly ErrorCode[];
  /**
   * Set when every answer the operation gives follows a durable commit of its own: the decision API records
   * each decision (and runEndpoint audits each refusal) before answering. A signed call's nonce is then stored
   * without waiting for its own flush to disk: that later commit flushes the log through it (PostgreSQL flushes
   * its write-ahead log in order), so no answer leaves before its nonce is durable. The exceptions write no
   * decision (a body that is not JSON, a batch whose every item failed): a replay of one after a crash in the
   * moment before the log's next flush answers the same refusal again.
   */
  recordsEveryAnswer?: true;
  /** Bytes an API request body may hold; DEFAULT_BODY_LIMIT (1 MB) when omitted. */
  bodyLimit?: number;
  /** An API answer's status when it may differ from 200 (202: the work goes on; the answer says where to look). */
  successStatus?(output: Output): number;
  run(ctx: ServiceContext, input: z.output<Schema>): Promise<Output>;
}

export function defineEndpoint<Schema extends z.ZodType, Output>(
  definition: EndpointDefinition<Schema, Output>,
): EndpointDefinition<Schema, Output> {
  return definition;
}
