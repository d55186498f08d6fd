import { z } from "zod";
import { OBJECT_TYPES, PRIVILEGES, type ObjectType } from "@/lib/authz";
import { prisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { OBJECT_TYPE_OF } from "./grant-object";

export const objectTypeField = z.enum(OBJECT_TYPES);
export const privilegeField = z.enum(PRIVILEGES);

export const grantInclude = {
  object: { select: { name: true } },
  package: { select: { name: true, project: { select: { name: true } } } },
  granteeUser: { select: { email: true, displayName: true } },
  granteeRole: { select: { name: true } },
} satisfies Prisma.AclGrantInclude;

export type GrantRow = Prisma.AclGrantGetPayload<{ include: typeof grantInclude }>;

/** One privilege granted on one object to one user or role (SHOW GRANTS / SHOW ACL line). */
export interface GrantItem {
  id: string;
  objectType: ObjectType;
  objectName: string;
  privilege: string;
  /** Column-level grant; empty = the whole object. */
  columns: string[];
  grantee: { type: "User" | "Role"; name: string; email: string | null };
  expiresAt: string | null;
  /** The last day (UTC) the grant is valid, as the grant form takes it: the day before an expiry at midnight. */
  validThrough: string | null;
  expired: boolean;
  grantedBy: string;
  createdAt: string;
}

export function objectNameOf(row: GrantRow, projectName: string): string {
  if (row.objectType === "PROJECT") return projectName;
  if (row.package) return `${row.package.project.name}.${row.package.name}`;
  return row.object?.name ?? "(dropped)";
}

export function toGrantItem(row: GrantRow, projectName: string, grantedBy: string, now: number): GrantItem {
  return {
    id: row.id,
    objectType: OBJECT_TYPE_OF[row.objectType],
    objectName: objectNameOf(row, projectName),
    privilege: row.privilege,
    columns: row.columns,
    grantee: row.granteeRole
      ? { type: "Role", name: row.granteeRole.name, email: null }
      : { type: "User", name: row.granteeUser?.displayName ?? "(unknown user)", email: row.granteeUser?.email ?? null },
    expiresAt: row.expiresAt?.toISOString() ?? null,
    validThrough: row.expiresAt ? new Date(row.expiresAt.getTime() - 1).toISOString().slice(0, 10) : null,
    expired: row.expiresAt !== null && row.expiresAt.getTime() <= now,
    grantedBy,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Grant rows as list items, with their granters' emails (grantedById is a plain column, not a relation). */
export async function toGrantItems(
  rows: readonly GrantRow[],
  projectName: string,
  db: Prisma.TransactionClient = prisma,
): Promise<GrantItem[]> {
  const granterIds = [...new Set(rows.map((row) => row.grantedById))];
  const granters = await db.user.findMany({ where: { id: { in: granterIds } }, select: { id: true, email: true } });
  const emails = new Map(granters.map((user) => [user.id, user.email]));
  const now = Date.now();
  return rows.map((row) => toGrantItem(row, projectName, emails.get(row.grantedById) ?? "(unknown)", now));
}

/** How an audit row records a grant. */
export const auditedGrant = (item: GrantItem) => ({
  id: item.id,
  object: `${item.objectType} ${item.objectName}`,
  privilege: item.privilege,
  columns: item.columns,
  grantee:
    item.grantee.type === "Role" ? `role ${item.grantee.name}` : `user ${item.grantee.email ?? item.grantee.name}`,
  expiresAt: item.expiresAt,
});
