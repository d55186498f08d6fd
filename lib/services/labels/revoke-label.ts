import { z } from "zod";
import { authorizeAdmin } from "@/lib/authorize/authorize-admin";
import { projectInScope } from "@/lib/authorize/project-scope";
import type { ServiceContext } from "@/lib/context/service-context";
import { bumpSecurityVersion } from "@/lib/decision-index/security-version";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import { invalidInput } from "@/lib/errors";
import { auditedTransaction } from "@/lib/services/audited-transaction";
import { projectField } from "@/lib/services/project-field";
import {
  columnListField,
  labelledTypeField,
  objectNameField,
  principalField,
  principalTypeField,
} from "./support/label-fields";
import { requireLabelledTarget, targetText } from "./support/labelled-object";
import { auditTargetOf, granteeText, labelGranteeWhere, requireLabelGrantee } from "./support/label-grantee";

export const revokeLabelInput = z.object({
  project: projectField,
  objectType: labelledTypeField,
  objectName: objectNameField,
  columns: columnListField,
  principalType: principalTypeField,
  principal: principalField,
});

/**
 * REVOKE LABEL ON TABLE t[(cols)] FROM USER u | ROLE r. On the table (no columns) it removes every label
 * grant of the grantee on the table, column-level ones included, as the manual notes. On columns it takes
 * those columns out of the grantee's column-level grants (a grant left with no column is removed); the
 * table-level grant, if any, stays.
 */
export async function revokeLabel(ctx: ServiceContext, input: z.output<typeof revokeLabelInput>) {
  const project = await projectInScope(ctx, input.project);
  const target = requireLabelledTarget(project, input.objectType, input.objectName, input.columns);
  const grantee = await requireLabelGrantee(project, input.principalType, input.principal);
  const object = { type: target.type, name: target.object.name };
  authorizeAdmin(
    ctx,
    project,
    grantee.type === "Role"
      ? { kind: "RevokeRoleLabel", object, roleName: grantee.roleName }
      : { kind: "RevokeLabel", object, targetUserId: grantee.userId },
  );
  const statement = `REVOKE LABEL ON TABLE ${targetText(target)} FROM ${granteeText(grantee)}`;

  return auditedTransaction(
    ctx,
    async (tx) => {
      const where = { projectId: project.id, objectId: target.object.id, ...labelGranteeWhere(grantee) };
      const rows = await tx.labelGrant.findMany({ where, orderBy: { createdAt: "asc" } });
      const removed: string[] = [];
      const narrowed: string[] = [];
      for (const row of rows) {
        if (target.columns.length === 0) {
          removed.push(row.id);
          continue;
        }
        if (row.columns.length === 0) continue;
        const left = row.columns.filter((column) => !target.columns.includes(column.toLowerCase()));
        if (left.length === row.columns.length) continue;
        if (left.length === 0) removed.push(row.id);
        else {
          await tx.labelGrant.update({ where: { id: row.id }, data: { columns: left } });
          narrowed.push(row.id);
        }
      }
      if (removed.length === 0 && narrowed.length === 0)
        throw invalidInput({
          principal: [`${granteeText(grantee)} holds no label grant on ${targetText(target)} to revoke.`],
        });
      await tx.labelGrant.deleteMany({ where: { id: { in: removed } } });
      await bumpSecurityVersion(tx, project.id);
      return {
        statement,
        before: rows.map((row) => ({ id: row.id, columns: row.columns, level: row.level, expiresAt: row.expiresAt })),
        removed: removed.length,
        narrowed: narrowed.length,
      };
    },
    (result) => ({
      action: "label.revoke",
      projectId: project.id,
      target: auditTargetOf(grantee),
      before: { grants: result.before },
      after: { statement, removed: result.removed, narrowed: result.narrowed },
    }),
  ).then(({ statement: done, removed, narrowed }) => ({ statement: done, removed, narrowed }));
}

export const revokeLabelEndpoint = defineEndpoint({
  name: "label.revoke",
  input: revokeLabelInput,
  permission: "console.admin",
  run: revokeLabel,
});
