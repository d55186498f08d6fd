import { z } from "zod";
import { optionalDaysField } from "@/lib/services/days-field";
import { DEFAULT_LABEL_GRANT_DAYS, labelGrantExpiry } from "@/lib/authz";
import { authorizeAdmin } from "@/lib/authorize/authorize-admin";
import { projectInScope } from "@/lib/authorize/project-scope";
import type { ServiceContext } from "@/lib/context/service-context";
import { bumpSecurityVersion } from "@/lib/decision-index/security-version";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import { invalidInput, type FieldErrors } from "@/lib/errors";
import { auditedTransaction } from "@/lib/services/audited-transaction";
import { expiryOf } from "@/lib/services/grants/grant-privileges";
import { projectField } from "@/lib/services/project-field";
import {
  columnListField,
  labelledTypeField,
  levelField,
  objectNameField,
  principalField,
  principalTypeField,
} from "./support/label-fields";
import { findLabelledTarget, targetText } from "./support/labelled-object";
import { auditTargetOf, granteeText, labelGranteeWhere, requireLabelGrantee } from "./support/label-grantee";

/** Longest WITH EXP a grant may ask for (ten years). */
const MAX_DAYS = 3_650;

export const grantLabelInput = z.object({
  project: projectField,
  objectType: labelledTypeField,
  objectName: objectNameField,
  columns: columnListField,
  level: levelField,
  principalType: principalTypeField,
  principal: principalField,
  /** WITH EXP <days>; empty = the manual's default of 180 days (unless a date is given). */
  days: optionalDaysField(MAX_DAYS),
  /** Or the last day (UTC) the grant is valid, YYYY-MM-DD, from the date picker. */
  expiresOn: z.union([z.literal(""), z.iso.date("Use a date such as 2030-12-31.")]).default(""),
});

/**
 * GRANT LABEL n ON TABLE t[(cols)] TO USER u | ROLE r [WITH EXP days]: the grantee (a role: each of its
 * members) reads data up to level n on the table, or on the listed columns only, until the grant expires
 * (180 days by default). Granting again on the same columns to the same grantee replaces that grant.
 */
export async function grantLabel(ctx: ServiceContext, input: z.output<typeof grantLabelInput>) {
  const project = await projectInScope(ctx, input.project);
  const errors: FieldErrors = {};
  const target = findLabelledTarget(project, input.objectType, input.objectName, input.columns, errors);
  if (input.days !== undefined && input.expiresOn !== "")
    errors.days = ["Give either a number of days or an expiry date, not both."];
  const now = Date.now();
  const dated = expiryOf(input.expiresOn, now);
  if (dated.problem) errors.expiresOn = [dated.problem];
  if (Object.keys(errors).length > 0 || !target) throw invalidInput(errors);
  const grantee = await requireLabelGrantee(project, input.principalType, input.principal);
  const object = { type: target.type, name: target.object.name };
  authorizeAdmin(
    ctx,
    project,
    grantee.type === "Role"
      ? { kind: "GrantRoleLabel", object, roleName: grantee.roleName }
      : { kind: "GrantLabel", object, targetUserId: grantee.userId },
  );
  const expiresAt = dated.expiresAt ?? new Date(labelGrantExpiry(now, input.days ?? DEFAULT_LABEL_GRANT_DAYS));
  const statement = `GRANT LABEL ${input.level} ON TABLE ${targetText(target)} TO ${granteeText(grantee)} WITH EXP ${input.days ?? (dated.expiresAt ? `until ${dated.expiresAt.toISOString()}` : DEFAULT_LABEL_GRANT_DAYS)}`;

  return auditedTransaction(
    ctx,
    async (tx) => {
      const sameGrantee = { projectId: project.id, objectId: target.object.id, ...labelGranteeWhere(grantee) };
      const existing = (await tx.labelGrant.findMany({ where: sameGrantee, select: { id: true, columns: true } })).find(
        (row) => row.columns.length === target.columns.length && row.columns.every((c) => target.columns.includes(c)),
      );
      const data = { level: input.level, expiresAt, grantedById: ctx.actor.userId };
      const row = existing
        ? await tx.labelGrant.update({ where: { id: existing.id }, data })
        : await tx.labelGrant.create({ data: { ...sameGrantee, columns: target.columns, ...data } });
      await bumpSecurityVersion(tx, project.id);
      return {
        id: row.id,
        statement,
        renewed: existing !== undefined,
        object: target.object.name,
        columns: target.columns,
        level: input.level,
        grantee: grantee.type === "Role" ? grantee.roleName : grantee.label,
        granteeType: grantee.type,
        expiresAt: expiresAt.toISOString(),
      };
    },
    (result) => ({
      action: "label.grant",
      projectId: project.id,
      target: auditTargetOf(grantee),
      after: result,
    }),
  );
}

export const grantLabelEndpoint = defineEndpoint({
  name: "label.grant",
  input: grantLabelInput,
  permission: "console.admin",
  run: grantLabel,
});
