/**
 * How long a console session lives (ASVS 7.3): an absolute lifetime counted from sign-in that nothing
 * extends, and an idle timeout counted from the last request made with it. Administrators — the account's
 * owner, holders of a tenant role, anyone who owns or holds Super_Administrator/Admin in a project — get
 * the short idle timeout; other users (members who read and request access) a longer one.
 */
export const ABSOLUTE_LIFETIME_MS = 12 * 60 * 60_000;
export const ADMIN_IDLE_MS = 30 * 60_000;
export const MEMBER_IDLE_MS = 2 * 60 * 60_000;
/** lastSeenAt is written at most this often, so a busy session does not write on every request. */
export const TOUCH_INTERVAL_MS = 60_000;

/** Sent (as "1") by the console's background polls: they do not count as activity for the idle timeout. */
export const BACKGROUND_REQUEST_HEADER = "x-sc-background";

export interface SessionTimes {
  createdAt: Date;
  lastSeenAt: Date;
  revokedAt: Date | null;
}

export type SessionVerdict = { live: true; touch: boolean } | { live: false; reason: "revoked" | "expired" | "idle" };

/**
 * Whether a session still stands at `now`. `isAdministrator` is asked only when the session has been idle
 * longer than the administrators' timeout, so the common case costs no lookup.
 */
export async function judgeSession(
  session: SessionTimes,
  now: Date,
  isAdministrator: () => boolean | Promise<boolean>,
): Promise<SessionVerdict> {
  if (session.revokedAt) return { live: false, reason: "revoked" };
  if (now.getTime() - session.createdAt.getTime() >= ABSOLUTE_LIFETIME_MS) return { live: false, reason: "expired" };
  const idle = now.getTime() - session.lastSeenAt.getTime();
  if (idle >= MEMBER_IDLE_MS) return { live: false, reason: "idle" };
  if (idle >= ADMIN_IDLE_MS && (await isAdministrator())) return { live: false, reason: "idle" };
  return { live: true, touch: idle >= TOUCH_INTERVAL_MS };
}
