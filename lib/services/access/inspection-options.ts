import { z } from "zod";
import { inspects, type ObjectType } from "@/lib/authz";
import { projectInScope } from "@/lib/authorize/project-scope";
import type { ServiceContext } from "@/lib/context/service-context";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import { projectField } from "@/lib/services/project-field";
import { columnLabel, findIndexedObject } from "./support/catalog-object";

/**
 * What the access views need to draw their forms for a project. Principal and object names are not shipped:
 * the pickers ask for suggestions (administrators only) and for an object's columns as the user types.
 */
export async function inspectionOptions(ctx: ServiceContext, projectName: string) {
  const project = await projectInScope(ctx, projectName);
  const { index } = project;
  const { actor } = ctx;
  return {
    project: project.name,
    mayInspectOthers: inspects(index, actor),
    /** Whom anyone else (neither administrator nor auditor) may inspect: only themselves. */
    self: actor.principal,
    /** The catalog types the project has objects of, so a form offers no type without objects. */
    objectTypes: [...new Set(index.objects.map((object) => object.type))].filter((type) => type !== "Project"),
    /** One object's column labels (its own, else the table's), for an answer about it. */
    columnLabels: (type: ObjectType, name: string): Map<string, number> => {
      const object = findIndexedObject(index, type, name);
      return new Map(object?.columns.map((column) => [column, columnLabel(object, column)]));
    },
  };
}

export type InspectionOptions = Awaited<ReturnType<typeof inspectionOptions>>;

/** Console pages only (the answer carries a function): the options of the check-access and effective-permissions forms. */
export const inspectionOptionsEndpoint = defineEndpoint({
  name: "access.inspection-options",
  input: z.object({ project: projectField }),
  permission: "signed-in",
  run: (ctx, input) => inspectionOptions(ctx, input.project),
});
