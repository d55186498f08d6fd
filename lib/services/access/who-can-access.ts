import { z } from "zod";
import { decide, LAYER_ORDER, type Layer } from "@/lib/authz";
import { authorizeInspection } from "@/lib/authorize/authorize-administrator";
import { projectInScope } from "@/lib/authorize/project-scope";
import type { ServiceContext } from "@/lib/context/service-context";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import { allowanceOf, denialOf, type AccessSource } from "@/lib/shared/access-source";
import { pageWindow, paginationFields } from "@/lib/services/pagination";
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
    /** Which verdicts to list, a page at a time (both are counted, whichever is listed). */
    effect: z.enum(["Allow", "Deny"], { error: "Choose Allow or Deny." }).default("Allow"),
    ...paginationFields(25, 200),
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
 * the deciding layer and rule: every member is decided (the counts, overall and by deciding layer, cover them
 * all), and one page of the allowed or of the denied is listed, in the directory's order. Only the project's
 * administrators may ask about everyone.
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
  const listed = verdicts.filter((verdict) => verdict.effect === input.effect);
  const { skip, take } = pageWindow(input);
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
    allowedCount: verdicts.filter((verdict) => verdict.effect === "Allow").length,
    deniedCount: verdicts.filter((verdict) => verdict.effect === "Deny").length,
    byLayer: countsByLayer(verdicts),
    effect: input.effect,
    items: listed.slice(skip, skip + take),
    total: listed.length,
    page: input.page,
    pageSize: input.pageSize,
  };
}

/** How many members each layer allowed and denied, in the pipeline's order; layers that decided nobody left out. */
function countsByLayer(verdicts: MemberVerdict[]): { layer: Layer; allowed: number; denied: number }[] {
  const counts = new Map<Layer, { layer: Layer; allowed: number; denied: number }>();
  for (const verdict of verdicts) {
    let count = counts.get(verdict.decidedBy);
    if (!count) counts.set(verdict.decidedBy, (count = { layer: verdict.decidedBy, allowed: 0, denied: 0 }));
    if (verdict.effect === "Allow") count.allowed++;
    else count.denied++;
  }
  return [...counts.values()].sort((a, b) => LAYER_ORDER[a.layer] - LAYER_ORDER[b.layer]);
}

export type WhoCanAccess = Awaited<ReturnType<typeof whoCanAccess>>;

export const whoCanAccessEndpoint = defineEndpoint({
  name: "access.who-can-access",
  input: whoCanAccessInput,
  permission: "project.inspect",
  run: whoCanAccess,
});
