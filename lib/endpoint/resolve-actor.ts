import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/context/service-context";
import { principalName } from "@/lib/identity/principal-name";

/**
 * Loads the acting user fresh from the database. A disabled user, or a session minted before the user's
 * session version was bumped, resolves to null: the old session stops working on its very next request.
 */
export async function actorFromSessionClaims(uid: unknown, sessionVersion: unknown): Promise<Actor | null> {
  if (typeof uid !== "string" || typeof sessionVersion !== "number") return null;
  const user = await prisma.user.findUnique({
    where: { id: uid },
    include: { tenant: true, tenantRoles: true },
  });
  if (!user || user.disabled || user.sessionVersion !== sessionVersion) return null;
  return {
    userId: user.id,
    tenantId: user.tenantId,
    tenantName: user.tenant.name,
    kind: user.kind,
    email: user.email,
    displayName: user.displayName,
    principal: principalName({ kind: user.kind, email: user.email, name: user.name, tenantName: user.tenant.name }),
    tenantRoles: user.tenantRoles.map((assignment) => assignment.role),
    via: "session",
  };
}
