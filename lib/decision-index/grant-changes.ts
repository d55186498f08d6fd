import { applyDelta, type SnapshotGrant } from "@/lib/authz";
import { afterCommit, whenSettled } from "@/lib/db/after-commit";
import type { Prisma } from "@/lib/generated/prisma/client";
import { advanceCachedIndex, expectOwnAdvance } from "./project-index";
import { bumpSecurityVersion } from "./security-version";

/** An ACL grant added (or renewed: same id) or revoked, as the decision engine applies it. */
export type GrantChange =
  | { kind: "GrantAdded"; grant: SnapshotGrant }
  | { kind: "GrantRevoked"; grant: Pick<SnapshotGrant, "id" | "objectId"> };

/**
 * bumpSecurityVersion for a transaction whose only security change is these ACL grant changes: once it
 * commits, this instance's cached index of the project takes them as deltas (microseconds) instead of being
 * reloaded and recompiled (seconds for a million grants). Other instances reload, warned by the notification.
 */
export async function bumpForGrantChanges(
  tx: Prisma.TransactionClient,
  projectId: string,
  changes: readonly GrantChange[],
): Promise<void> {
  const version = await bumpSecurityVersion(tx, projectId);
  whenSettled(tx, expectOwnAdvance(projectId));
  afterCommit(tx, () =>
    advanceCachedIndex(projectId, version - 1, version, (index) =>
      changes.flatMap((change) => applyDelta(index, { ...change, securityVersion: version })),
    ),
  );
}
