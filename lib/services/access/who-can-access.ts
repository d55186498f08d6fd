import { z } from "zod";
import { decide, type Layer } from "@/lib/authz";
import { authorizeInspection } from "@/lib/authorize/authorize-administrator";
import { projectInScope } from "@/lib/authorize/project-scope";
import type { ServiceContext } from "@/lib/context/service-context";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import { allowanceOf, denialOf, type AccessSource } from "@/lib/shared/access-source";
import { requireCatalogObject } from "./support/catalog-object";
import { requestablePrivilegesOf } from "./check-access";
import { decisionContext, decisionContextFields, describedContext, optionalField } from "./support/decision-context";
import { enginePrincipal, projectDirectory, type DirectoryUser } from "./support/project-directory";

const name = z.string().trim().min(1).max(256);

export const whoCanAccessInput = z
  .object({
    project: name,
    objectType: z.enum(["Table", "View"], { error: "Choose a table or a view." }).default("Table"),
    objectName: name,
    /** One column; omitted = the whole table (every column). */
    column: optionalField(name),
    privilege: optionalField(z.enum(requestablePrivilegesOf("Table"), { error: "Choose a privilege." })).transform(
      (privilege) => privilege ?? "Select",
    ),
    ...decisionContextFields,
  })
  .superRefine((input, context) => {
    if (input.column !== undefined && input.privilege !== "Select" && input.privilege !== "Download") {
      context.addIssue({ code: "custom", path: ["column"], message: "A column applies only to Select and Download." });
    }
  });

export interface MemberVerdict {
  user: DirectoryUser;
  effect: "Allow" | "Deny";
  decidedBy: Layer;
  /** Why: the allowing sources, or the denying rule's text. */
  sources: AccessSource[];
  reason: string;
  /** For a whole-table read that is denied: how many of its columns the member may still read. */
  readableColumns: number | null;
}

/**
 * Who among the project's owner and members may perform a privilege on a table (or one column), each with
 * the deciding layer and rule. Only the project's administrators may ask about everyone.
 */
export async function whoCanAccess(ctx: ServiceContext, input: z.output<typeof whoCanAccessInput>) {
  const project = await projectInScope(ctx, input.project);
  authorizeInspection(ctx, project, "see who can access its data");
  const columns = input.column === undefined ? undefined : [input.column];
  const object = requireCatalogObject(
    project.index,
    { type: input.objectType, name: input.objectName, columns },
    { name: "objectName", columns: "column" },
  );
  const context = decisionContext(ctx, input);
  const verdicts = (await projectDirectory(project.index)).map((user): MemberVerdict => {
    const decision = decide(project.index, {
      principal: enginePrincipal(project.index, user.userId),
      project: project.name,
      action: input.privilege,
      object: { type: input.objectType, name: object.name, ...(columns ? { columns } : {}) },
      context,
    });
    const allowance = allowanceOf(project.index, decision);
    return {
      user,
      effect: decision.effect,
      decidedBy: decision.decidedBy,
      sources: decision.effect === "Allow" ? (allowance?.sources ?? []) : [],
      reason:
        decision.effect === "Allow"
          ? (allowance?.sources.map((source) => source.text).join("; ") ?? "")
          : (denialOf(decision)?.text ?? ""),
      readableColumns:
        decision.effect === "Deny" && decision.columns.length > 1
          ? decision.columns.filter((column) => column.effect === "Allow").length
          : null,
    };
  });
  return {
    project: project.name,
    object: {
      type: input.objectType,
      name: object.name,
      column: input.column?.toLowerCase() ?? null,
      columnCount: object.columns.length,
    },
    privilege: input.privilege,
    context: describedContext(context),
    allowed: verdicts.filter((verdict) => verdict.effect === "Allow"),
    denied: verdicts.filter((verdict) => verdict.effect === "Deny"),
  };
}

export type WhoCanAccess = Awaited<ReturnType<typeof whoCanAccess>>;

export const whoCanAccessEndpoint = defineEndpoint({
  name: "access.who-can-access",
  input: whoCanAccessInput,
  permission: "project.inspect",
  run: whoCanAccess,
});
