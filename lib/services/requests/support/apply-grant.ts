import type { ScopedProject } from "@/lib/authorize/project-scope";
import { snapshotGrantOf } from "@/lib/db/snapshot-grant";
import { bumpForGrantChanges } from "@/lib/decision-index/grant-changes";
import { bumpSecurityVersion } from "@/lib/decision-index/security-version";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { RequestTarget } from "./request-target";

const DAY = 86_400_000;

export interface AppliedGrant {
  /** The ACL grant, label grant or role assignment rows written. */
  ids: string[];
  /** Null for a role: role memberships do not expire in this model. */
  expiresAt: Date | null;
}

interface Grant {
  tx: Prisma.TransactionClient;
  project: ScopedProject;
  target: RequestTarget;
  requesterId: string;
  approverId: string;
  days: number;
  extendsGrantId: string | null;
}

/**
 * Writes what an approved request grants, inside the approval's transaction: ACL grants (privileges, or Read on
 * an installed package) and label grants expire `days` from now, renewing a grant the requester already holds
 * on the same columns; an extension moves its grant's expiry `days` further (from now if it has passed); a role
 * is assigned. Every change bumps the project's security version, as the grant services do.
 */
export async function applyGrant(grant: Grant): Promise<AppliedGrant> {
  if (grant.extendsGrantId) return extendGrant(grant, grant.extendsGrantId);
  const { tx, project, target, requesterId, approverId } = grant;
  const expiresAt = new Date(Date.now() + grant.days * DAY);
  if (target.grantObject) {
    const object = target.grantObject;
    const payload = target.payload;
    const columns = payload.kind === "ACL" ? payload.columns : [];
    const privileges = payload.kind === "ACL" ? payload.privileges : ["Read"];
    const rows = [];
    for (const privilege of privileges) {
      const where = {
        projectId: project.id,
        ...object.where,
        privilege,
        granteeUserId: requesterId,
        granteeRoleId: null,
      };
      const existing = (await tx.aclGrant.findMany({ where, select: { id: true, columns: true } })).find(
        (row) => row.columns.length === columns.length && row.columns.every((column) => columns.includes(column)),
      );
      rows.push(
        existing
          ? await tx.aclGrant.update({ where: { id: existing.id }, data: { expiresAt, grantedById: approverId } })
          : await tx.aclGrant.create({ data: { ...where, columns, expiresAt, grantedById: approverId } }),
      );
    }
    await bumpForGrantChanges(
      tx,
      project.id,
      rows.map((row) => ({ kind: "GrantAdded", grant: snapshotGrantOf(row, project.id) })),
    );
    return { ids: rows.map((row) => row.id), expiresAt };
  }
  if (target.labelObjectId && target.payload.kind === "LABEL") {
    const { columns, level } = target.payload;
    const same = {
      projectId: project.id,
      objectId: target.labelObjectId,
      granteeUserId: requesterId,
      granteeRoleId: null,
    };
    const existing = (await tx.labelGrant.findMany({ where: same, select: { id: true, columns: true } })).find(
      (row) => row.columns.length === columns.length && row.columns.every((column) => columns.includes(column)),
    );
    const data = { level, expiresAt, grantedById: approverId };
    const row = existing
      ? await tx.labelGrant.update({ where: { id: existing.id }, data })
      : await tx.labelGrant.create({ data: { ...same, columns, ...data } });
    await bumpSecurityVersion(tx, project.id);
    return { ids: [row.id], expiresAt };
  }
  if (target.roleId) {
    await tx.roleAssignment.upsert({
      where: { roleId_userId: { roleId: target.roleId, userId: requesterId } },
      create: { roleId: target.roleId, userId: requesterId },
      update: {},
    });
    await bumpSecurityVersion(tx, project.id);
    return { ids: [target.roleId], expiresAt: null };
  }
  throw new AppError("CONFLICT", "This request names nothing that can be granted.");
}

async function extendGrant(
  { tx, project, requesterId, approverId, days }: Grant,
  grantId: string,
): Promise<AppliedGrant> {
  const mine = { id: grantId, projectId: project.id, granteeUserId: requesterId };
  const from = (expiry: Date | null) => Math.max(Date.now(), expiry?.getTime() ?? 0);
  const acl = await tx.aclGrant.findFirst({ where: mine });
  if (acl) {
    const row = await tx.aclGrant.update({
      where: { id: acl.id },
      data: { expiresAt: new Date(from(acl.expiresAt) + days * DAY), grantedById: approverId },
    });
    await bumpForGrantChanges(tx, project.id, [{ kind: "GrantAdded", grant: snapshotGrantOf(row, project.id) }]);
    return { ids: [row.id], expiresAt: row.expiresAt };
  }
  const label = await tx.labelGrant.findFirst({ where: mine });
  if (label) {
    const expiresAt = new Date(from(label.expiresAt) + days * DAY);
    await tx.labelGrant.update({ where: { id: label.id }, data: { expiresAt, grantedById: approverId } });
    await bumpSecurityVersion(tx, project.id);
    return { ids: [label.id], expiresAt };
  }
  throw new AppError("CONFLICT", "The grant this request extends has been revoked; ask for the access anew.");
}
