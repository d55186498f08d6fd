import { z } from "zod";
import { inspects, unitLabel } from "@/lib/authz";
import { authorizeAccess } from "@/lib/authorize/authorize-access";
import { projectInScope } from "@/lib/authorize/project-scope";
import type { ServiceContext } from "@/lib/context/service-context";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import { adminVerdict, type AdminVerdict } from "@/lib/authorize/admin-verdict";
import { projectField } from "@/lib/services/project-field";
import { labelledTypeField, objectNameField } from "./support/label-fields";
import { requireLabelledTarget } from "./support/labelled-object";

export const describeLabelsInput = z.object({
  project: projectField,
  objectType: labelledTypeField,
  objectName: objectNameField,
});

/** Where a column's effective label comes from: its own label, the table's, or the default 0. */
export type LabelSource = "column" | "table" | "default";

export interface LabelDescription {
  project: string;
  objectType: "Table" | "View";
  object: string;
  tableLabel: number;
  labelSecurity: boolean;
  columns: { name: string; label: number; source: LabelSource }[];
  /** Whether the caller may SET LABEL on this object, and if not why. */
  change: AdminVerdict;
}

/**
 * DESCRIBE t, as LabelSecurity reads it: every column with its effective label and where it comes from (a
 * column's explicit label wins over the table's; unlabelled = 0). Administrators, or whoever may Describe it.
 */
export async function describeLabels(
  ctx: ServiceContext,
  input: z.output<typeof describeLabelsInput>,
): Promise<LabelDescription> {
  const project = await projectInScope(ctx, input.project);
  const target = requireLabelledTarget(project, input.objectType, input.objectName, []);
  const { object } = target;
  if (!inspects(project.index, ctx.actor))
    authorizeAccess(ctx, project, "Describe", { type: target.type, name: object.name });
  return {
    project: project.name,
    objectType: target.type,
    object: object.name,
    tableLabel: object.label,
    labelSecurity: project.index.config.labelSecurity,
    columns: object.columns.map((name) => ({
      name,
      label: unitLabel(object.label, object.columnLabels, name),
      source: object.columnLabels.has(name) ? "column" : object.label > 0 ? "table" : "default",
    })),
    change: adminVerdict(ctx, project, { kind: "SetObjectLabel", object: { type: target.type, name: object.name } }),
  };
}

export const describeLabelsEndpoint = defineEndpoint({
  name: "label.describe",
  input: describeLabelsInput,
  permission: "signed-in",
  run: describeLabels,
});
