import { bumpSecurityVersion } from "@/lib/decision-index/security-version";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * A package change alters the decisions of both sides: the provider's (ProjectProtection lets shared data
 * flow to the projects that installed it) and every installer's (what its users may read through it). Bumps
 * them all in the change's transaction, in id order so that two concurrent changes lock rows in one order.
 * `alsoProjectIds`: projects the change concerns that may not be installers (yet, or any longer).
 */
export async function bumpPackageProjects(
  tx: Prisma.TransactionClient,
  pkg: { id: string; projectId: string },
  alsoProjectIds: readonly string[] = [],
): Promise<void> {
  const installers = await tx.packageInstallation.findMany({
    where: { packageId: pkg.id },
    select: { projectId: true },
  });
  const ids = new Set([pkg.projectId, ...alsoProjectIds, ...installers.map((installation) => installation.projectId)]);
  for (const projectId of [...ids].sort()) await bumpSecurityVersion(tx, projectId);
}
