import type { SecurityIndex } from "../compile/index-types";

/**
 * Whether a user may grant on some object of the project as its creator: an active member (or the owner) who
 * created at least one object while ObjectCreatorHasGrantPermission is on. What they may grant on which object
 * is still decided per request by decideAdmin; this only tells the console whether to offer the grant form.
 */
export function grantsAsCreator(index: SecurityIndex, userId: string): boolean {
  if (!index.config.objectCreatorHasGrantPermission) return false;
  const int = index.userById.get(userId);
  const user = int === undefined ? undefined : index.users[int];
  if (!user || user.disabled || (!user.isMember && int !== index.project.ownerInt)) return false;
  return index.objects.some((object) => object.creatorInt === int);
}
