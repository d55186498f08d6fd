import { z } from "zod";
import { OBJECT_TYPES, PRIVILEGES, PRIVILEGES_BY_TYPE, type Decision } from "@/lib/authz";
import { recordAccessDecisions } from "@/lib/audit/access-decision-log";
import { projectInScope } from "@/lib/authorize/project-scope";
import type { ServiceContext } from "@/lib/context/service-context";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import { requireCatalogObject } from "./support/catalog-object";
import { decisionContext, decisionContextFields, describedContext, optionalField } from "./support/decision-context";
import { principalReferenceField } from "./support/principal-reference";
import { resolvePrincipal, type PrincipalSummary } from "./support/resolve-principal";
import { askEngine } from "./support/ask-engine";
import { targetProjectId } from "./support/target-project";

/** Privileges a request may ask for (`All` is granted, never requested). */
export const REQUESTABLE_PRIVILEGES = PRIVILEGES.filter((privilege) => privilege !== "All");
export const requestablePrivilegesOf = (type: (typeof OBJECT_TYPES)[number]) =>
  PRIVILEGES_BY_TYPE[type].filter((privilege) => privilege !== "All");

const name = z.string().trim().min(1).max(256);

/** Columns as a list (JSON), repeated form fields, or one comma-separated value. */
const columnsField = optionalField(
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
);

export const checkAccessInput = z
  .object({
    project: name,
    principal: principalReferenceField,
    action: z.enum(REQUESTABLE_PRIVILEGES, { error: "Choose a privilege." }),
    objectType: z.enum(OBJECT_TYPES, { error: "Choose an object type." }),
    /** Defaults to the project itself for project-level privileges. */
    objectName: optionalField(name),
    /** The owning project of an object reached through a package installed in `project`. */
    objectProject: optionalField(name),
    columns: columnsField,
    /** Destination of data leaving the project (ProjectProtection). */
    targetProject: optionalField(name),
    /** The job's kind (`odps:TaskType`: SQL, DT, ...), which policy conditions may read. */
    taskType: optionalField(z.string().trim().min(1).max(32)),
    ...decisionContextFields,
  })
  .superRefine((input, context) => {
    if (!requestablePrivilegesOf(input.objectType).includes(input.action)) {
      context.addIssue({
        code: "custom",
        path: ["action"],
        message: `${input.action} is not a privilege of ${input.objectType.toLowerCase()}s.`,
      });
    }
    if (
      input.columns &&
      !(
        (input.objectType === "Table" || input.objectType === "View") &&
        (input.action === "Select" || input.action === "Download")
      )
    ) {
      context.addIssue({
        code: "custom",
        path: ["columns"],
        message: "Columns apply only to Select and Download on tables and views.",
      });
    }
    if (input.objectType !== "Project" && input.objectName === undefined) {
      context.addIssue({ code: "custom", path: ["objectName"], message: "Choose an object." });
    }
  });

export type CheckAccessInput = z.output<typeof checkAccessInput>;

export interface CheckAccessResult {
  project: string;
  principal: PrincipalSummary;
  request: {
    action: CheckAccessInput["action"];
    objectType: CheckAccessInput["objectType"];
    objectName: string;
    objectProject: string | null;
    columns: string[] | null;
    sourceIp: string | null;
    time: string;
    targetProject: string | null;
  };
  decision: Decision;
}

/**
 * Asks the decision engine whether a principal may perform an action on an object, with every layer's
 * verdict and reason. Anyone may check themselves; the project's administrators may check anyone. The
 * decision is recorded (lib/audit/access-decision-log.ts) before it is answered.
 */
export async function checkAccess(ctx: ServiceContext, input: CheckAccessInput): Promise<CheckAccessResult> {
  const project = await projectInScope(ctx, input.project);
  const principal = await resolvePrincipal(ctx, project, input.principal);
  const foreign = input.objectProject !== undefined && input.objectProject.toLowerCase() !== project.name.toLowerCase();
  const objectName = input.objectName ?? project.name;
  // Objects of this project must exist; another project's objects are the engine's to refuse (through packages).
  if (!foreign)
    requireCatalogObject(
      project.index,
      { type: input.objectType, name: objectName, columns: input.columns },
      { name: "objectName", columns: "columns" },
    );
  const context = decisionContext(ctx, { ...input, targetProjectId: await targetProjectId(input.targetProject) });
  const decision = await askEngine(
    ctx,
    project,
    principal.request,
    {
      action: input.action,
      type: input.objectType,
      name: objectName,
      objectProject: foreign ? input.objectProject : undefined,
      columns: input.columns,
    },
    context,
  );
  await recordAccessDecisions(ctx, [
    {
      via: checkAccessEndpoint.name,
      project,
      principal: principal.summary.principal,
      action: input.action,
      object: { type: input.objectType, name: foreign ? `${input.objectProject}.${objectName}` : objectName },
      sourceIp: context.sourceIp ?? null,
      decision,
    },
  ]);
  return {
    project: project.name,
    principal: principal.summary,
    request: {
      action: input.action,
      objectType: input.objectType,
      objectName,
      objectProject: foreign ? input.objectProject! : null,
      columns: input.columns ?? null,
      ...describedContext(context),
    },
    decision,
  };
}

export const checkAccessEndpoint = defineEndpoint({
  name: "access.check",
  input: checkAccessInput,
  // Any signed-in user may ask about themselves; the service decides who may ask about others.
  permission: "signed-in",
  run: checkAccess,
});
