import { prisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/context/service-context";
import { principalName } from "@/lib/identity/principal-name";
import { judgeSession } from "@/lib/auth/session-lifetime";
import type { SessionClaims } from "@/lib/auth/auth-options";
import { administersWhere } from "@/lib/db/administers-where";

/**
 * The actor behind a session cookie's claims, loaded fresh from the database, or null when the session no
 * longer stands: its server-side row is gone or revoked (signed out, "sign out everywhere"), past its
 * absolute lifetime or idle timeout (lib/auth/session-lifetime.ts), or its user (or the user's tenant) is disabled, or their session
 * version was bumped (password change). A stolen cookie therefore dies with its session, whatever next-auth
 * renews. `touch: false` is for background polling, which must not count as activity.
 */
export async function actorFromSessionClaims(
  claims: SessionClaims,
  { now = new Date(), touch = true }: { now?: Date; touch?: boolean } = {},
): Promise<Actor | null> {
  const { uid, sv, sid } = claims;
  if (typeof uid !== "string" || typeof sv !== "number" || typeof sid !== "string" || !UUID.test(sid)) return null;
  const session = await prisma.userSession.findUnique({
    where: { id: sid },
    include: { user: { include: ACTOR_USER_INCLUDE } },
  });
  if (!session || session.userId !== uid) return null;
  const { user } = session;
  if (user.disabled || user.tenant.disabled || user.sessionVersion !== sv) return null;
  const verdict = await judgeSession(session, now, () => administers(user));
  if (!verdict.live) return null;
  if (verdict.touch && touch) {
    await prisma.userSession.updateMany({ where: { id: sid, revokedAt: null }, data: { lastSeenAt: now } });
  }
  return actorOfUser(user, "session");
}

/** What an Actor is made of, whichever door the user came through. */
export const ACTOR_USER_INCLUDE = { tenant: true, tenantRoles: true } as const;

type ActorUser = Prisma.UserGetPayload<{ include: typeof ACTOR_USER_INCLUDE }>;

/** What of a user an Actor is made of (a user loaded with ACTOR_USER_INCLUDE has it all). */
export type ActorUserFields = Pick<
  ActorUser,
  "id" | "tenantId" | "kind" | "email" | "name" | "displayName" | "platformOperator"
> & { tenant: Pick<ActorUser["tenant"], "name">; tenantRoles: Pick<ActorUser["tenantRoles"][number], "role">[] };

/** The actor of a user loaded with ACTOR_USER_INCLUDE: the same for a session and an AccessKey but for `via`. */
export function actorOfUser(user: ActorUserFields, via: Actor["via"]): Actor {
  return {
    userId: user.id,
    tenantId: user.tenantId,
    tenantName: user.tenant.name,
    kind: user.kind,
    email: user.email,
    displayName: user.displayName,
    principal: principalName({ kind: user.kind, email: user.email, name: user.name, tenantName: user.tenant.name }),
    tenantRoles: user.tenantRoles.map((assignment) => assignment.role),
    platformOperator: user.platformOperator,
    via,
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The short idle timeout's audience: the account owner, tenant-role holders, and project administrators. */
async function administers(user: { id: string; kind: string; tenantRoles: unknown[] }): Promise<boolean> {
  if (user.kind === "PRIMARY" || user.tenantRoles.length > 0) return true;
  return (await prisma.project.count({ where: administersWhere(user.id) })) > 0;
}
