import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * The PostgreSQL channel on which every security change is announced, so that other app instances refresh
 * their cached decision indexes early (security-version-listener.ts). The payload is a project id, or
 * ALL_PROJECTS. The announcement is only a hint: the version itself stays the correctness guarantee.
 */
export const SECURITY_VERSION_CHANNEL = "sc_security_version";
export const ALL_PROJECTS = "*";

/** Marks a project's security state as changed; call inside the transaction that changes it. Returns the new version. */
export async function bumpSecurityVersion(tx: Prisma.TransactionClient, projectId: string): Promise<number> {
  const { securityVersion } = await tx.project.update({
    where: { id: projectId },
    data: { securityVersion: { increment: 1 } },
    select: { securityVersion: true },
  });
  await announce(tx, projectId);
  return securityVersion;
}

/**
 * A change to a user's standing (disabled or enabled) changes the decisions of every project whose snapshot
 * lists them: the projects they own or are (or were) a member of, in any tenant, and, when they hold an
 * account-level administrative role, every project of their account (lib/db/load-snapshot.ts lists the
 * account's administrators in each). The decision API resolves principals from these snapshots.
 */
export async function bumpSecurityVersionsOfUser(tx: Prisma.TransactionClient, userId: string): Promise<void> {
  const accountAdmin = await tx.user.findFirst({
    where: { id: userId, tenantRoles: { some: { role: { in: ["SUPER_ADMINISTRATOR", "ADMIN"] } } } },
    select: { tenantId: true },
  });
  const projects = await tx.project.findMany({
    where: {
      OR: [
        { ownerId: userId },
        { members: { some: { userId } } },
        ...(accountAdmin ? [{ tenantId: accountAdmin.tenantId }] : []),
      ],
    },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  for (const project of projects) await bumpSecurityVersion(tx, project.id);
}

/** An account-level change (its Super_Administrators and Admins) changes the decisions of every project of the account. */
export async function bumpAccountSecurityVersions(tx: Prisma.TransactionClient, tenantId: string): Promise<void> {
  const projects = await tx.project.findMany({ where: { tenantId }, select: { id: true }, orderBy: { id: "asc" } });
  for (const project of projects) await bumpSecurityVersion(tx, project.id);
}

/** A system-level change (the system whitelist) changes every project's decisions. */
export async function bumpAllSecurityVersions(tx: Prisma.TransactionClient): Promise<void> {
  await tx.project.updateMany({ data: { securityVersion: { increment: 1 } } });
  await announce(tx, ALL_PROJECTS);
}

// NOTIFY is transactional: listeners receive it only if this transaction commits, after the commit (so they
// read the new version), and PostgreSQL folds identical notifications of one transaction into one.
// `$executeRaw` rather than `$queryRaw`: pg_notify returns void, which there is no need to decode.
async function announce(tx: Prisma.TransactionClient, payload: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_notify(${SECURITY_VERSION_CHANNEL}, ${payload})`;
}
