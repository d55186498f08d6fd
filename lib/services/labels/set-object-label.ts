import { z } from "zod";
import { authorizeAdmin } from "@/lib/authorize/authorize-admin";
import { projectInScope } from "@/lib/authorize/project-scope";
import type { ServiceContext } from "@/lib/context/service-context";
import { bumpSecurityVersion } from "@/lib/decision-index/security-version";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import { auditedTransaction } from "@/lib/services/audited-transaction";
import { projectField } from "@/lib/services/project-field";
import { DB_OBJECT_TYPE } from "@/lib/services/grants/support/grant-object";
import { columnListField, labelledTypeField, levelField, objectNameField } from "./support/label-fields";
import { requireLabelledTarget, targetText } from "./support/labelled-object";

export const setObjectLabelInput = z.object({
  project: projectField,
  objectType: labelledTypeField,
  objectName: objectNameField,
  /** Empty: the table's (or view's) own label; otherwise these columns' explicit labels, in one statement. */
  columns: columnListField,
  level: levelField,
});

/**
 * SET LABEL n TO TABLE t, or TO TABLE t(c1, c2, …) for any number of columns at once. The manual's ordering
 * rule holds by construction: a table label is stored on the table and never touches the columns, and a
 * column's explicit label always wins over the table's (so SET LABEL 3 TO TABLE t leaves columns labelled 2
 * at 2). A view's label is its own.
 */
export async function setObjectLabel(ctx: ServiceContext, input: z.output<typeof setObjectLabelInput>) {
  const project = await projectInScope(ctx, input.project);
  const target = requireLabelledTarget(project, input.objectType, input.objectName, input.columns);
  authorizeAdmin(ctx, project, { kind: "SetObjectLabel", object: { type: target.type, name: target.object.name } });
  const statement = `SET LABEL ${input.level} TO ${target.type.toUpperCase()} ${targetText(target)}`;
  return auditedTransaction(
    ctx,
    async (tx) => {
      let before: Record<string, number | null>;
      if (target.columns.length === 0) {
        const row = await tx.catalogObject.findUniqueOrThrow({
          where: { id: target.object.id },
          select: { label: true },
        });
        before = { [target.object.name]: row.label };
        await tx.catalogObject.update({ where: { id: target.object.id }, data: { label: input.level } });
      } else {
        const rows = await tx.column.findMany({
          where: { objectId: target.object.id, name: { in: target.columns, mode: "insensitive" } },
          select: { name: true, label: true },
        });
        before = Object.fromEntries(rows.map((row) => [row.name.toLowerCase(), row.label]));
        await tx.column.updateMany({
          where: { objectId: target.object.id, name: { in: target.columns, mode: "insensitive" } },
          data: { label: input.level },
        });
      }
      await bumpSecurityVersion(tx, project.id);
      return { statement, object: target.object.name, columns: target.columns, level: input.level, before };
    },
    (result) => ({
      action: "label.set-object",
      projectId: project.id,
      target: { type: DB_OBJECT_TYPE[target.type], id: target.object.id, name: target.object.name },
      before: { labels: result.before },
      after: { statement, level: input.level, columns: target.columns },
    }),
  );
}

export const setObjectLabelEndpoint = defineEndpoint({
  name: "label.set-object",
  input: setObjectLabelInput,
  permission: "console.admin",
  run: setObjectLabel,
});
