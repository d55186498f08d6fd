import type { SecurityIndex } from "../compile/index-types";

/**
 * Whether a user administers the project: its owner, an active member holding Super_Administrator or
 * Admin, or a user of the project's account holding the account-level Super_Administrator or Admin role. Administrators may inspect anyone's access (check access, effective permissions).
 */
export function administers(index: SecurityIndex, userId: string): boolean {
  const int = index.userById.get(userId);
  if (int === undefined) return false;
  const user = index.users[int]!;
  if (user.disabled) return false;
  return int === index.project.ownerInt || (user.isMember && user.adminRole !== null) || user.accountRole !== null;
}
