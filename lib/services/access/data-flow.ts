import { z } from "zod";
import type { Step } from "@/lib/authz";
import type { ServiceContext } from "@/lib/context/service-context";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import { checkAccess, type CheckAccessResult } from "./check-access";
import { decisionContextFields, optionalField } from "./support/decision-context";
import { principalReferenceField } from "./support/principal-reference";

/** Operations that move a table's data: where the data goes is what ProjectProtection judges. */
export const DATA_FLOW_OPERATIONS = {
  read: "Read into another project (a query run there)",
  "create-table-as-select": "CREATE TABLE AS SELECT into another project",
  download: "Download (Tunnel or a result set leaving the platform)",
} as const;
export type DataFlowOperation = keyof typeof DATA_FLOW_OPERATIONS;

const name = z.string().trim().min(1).max(256);

export const dataFlowInput = z
  .object({
    project: name,
    principal: principalReferenceField,
    operation: z.enum(Object.keys(DATA_FLOW_OPERATIONS) as [DataFlowOperation, ...DataFlowOperation[]], {
      error: "Choose an operation.",
    }),
    objectType: z.enum(["Table", "View"], { error: "Choose a table or a view." }).default("Table"),
    objectName: name,
    columns: optionalField(
      z.preprocess(
        (value) =>
          typeof value === "string"
            ? value
                .split(",")
                .map((column) => column.trim())
                .filter(Boolean)
            : value,
        z.array(name).min(1).max(2000),
      ),
    ),
    /** Where the data goes (not for a download). */
    targetProject: optionalField(name),
    ...decisionContextFields,
  })
  .superRefine((input, context) => {
    if (input.operation !== "download" && input.targetProject === undefined)
      context.addIssue({ code: "custom", path: ["targetProject"], message: "Name the project the data goes to." });
    if (input.operation === "download" && input.targetProject !== undefined)
      context.addIssue({ code: "custom", path: ["targetProject"], message: "A download leaves for no project." });
  });

/** How the data may leave, as ProjectProtection's step says. */
export type FlowRoute = "not-protected" | "stays" | "trusted-project" | "package" | "exception-policy" | "refused";

export interface DataFlowResult {
  operation: DataFlowOperation;
  /** Whether the data leaves the project (any download; a read or copy into another project). */
  leaves: boolean;
  route: FlowRoute;
  /** ProjectProtection's own verdict and reason. */
  protection: Step | null;
  /** The whole decision (other layers may refuse too, e.g. no Select privilege). */
  check: CheckAccessResult;
}

/** The route ProjectProtection's step names (also read by the SQL access check for each table a query moves). */
export function flowRouteOf(step: Step | undefined): FlowRoute {
  if (!step || step.verdict === "Skip") return "not-protected";
  if (step.verdict === "Deny") return "refused";
  if (step.ruleId === null) return "stays";
  if (step.ruleId.startsWith("trusted:")) return "trusted-project";
  if (step.ruleId.startsWith("package:")) return "package";
  return "exception-policy";
}

/**
 * The data-flow check: whether an operation that moves a table's data out of the project is allowed, and by
 * what — a trusted project, a package installed there, the exception policy — or refused by ProjectProtection.
 * It is the engine's decision for the read the operation makes (Select with the target project; Download), with
 * its steps; who may ask is as for Check access (anyone about themselves, administrators about anyone).
 */
export async function dataFlow(ctx: ServiceContext, input: z.output<typeof dataFlowInput>): Promise<DataFlowResult> {
  const check = await checkAccess(ctx, {
    project: input.project,
    principal: input.principal,
    action: input.operation === "download" ? "Download" : "Select",
    objectType: input.objectType,
    objectName: input.objectName,
    objectProject: undefined,
    columns: input.columns,
    targetProject: input.targetProject,
    // The job that moves the data: SQL for a query or a copy, DT (the data tunnel) for a download.
    taskType: input.operation === "download" ? "DT" : "SQL",
    sourceIp: input.sourceIp,
    time: input.time,
  });
  const step = check.decision.steps.find((candidate) => candidate.layer === "ProjectProtection");
  return {
    operation: input.operation,
    leaves: input.operation === "download" || input.targetProject!.toLowerCase() !== check.project.toLowerCase(),
    route: flowRouteOf(step),
    protection: step ?? null,
    check,
  };
}

export const dataFlowEndpoint = defineEndpoint({
  name: "access.data-flow",
  input: dataFlowInput,
  // Any signed-in user may ask about themselves; checkAccess decides who may ask about others.
  permission: "signed-in",
  run: dataFlow,
});
