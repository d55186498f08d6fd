import type { MemberPermissionCounts } from "@/lib/services/members/support/member-permissions";

const plural = (count: number, one: string) => `${count} ${one}${count === 1 ? "" : "s"}`;

/** "4 grants, 2 label grants and 1 role", or null when there is nothing. */
export function describePermissions(counts: MemberPermissionCounts | null): string | null {
  if (!counts) return null;
  const parts = [
    counts.grants > 0 ? plural(counts.grants, "grant") : null,
    counts.labelGrants > 0 ? plural(counts.labelGrants, "label grant") : null,
    counts.roles > 0 ? plural(counts.roles, "role") : null,
  ].filter((part): part is string => part !== null);
  if (parts.length === 0) return null;
  return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}`;
}

/** What the toast says after a member was added, or added again. */
export function memberAddedMessage(
  added: { principal: string; revived: boolean; restored: MemberPermissionCounts | null },
  project: string,
) {
  const restored = describePermissions(added.restored);
  return {
    message: `${added.principal} ${added.revived ? "added again to" : "added to"} ${project}`,
    description: added.revived
      ? restored
        ? `Active again: ${restored}.`
        : "No dormant permissions were left to revive."
      : undefined,
  };
}
