import { cache } from "react";
import { getServerSession } from "next-auth";
import { authOptions, type SessionClaims } from "@/lib/auth/auth-options";
import type { Actor } from "@/lib/context/service-context";
import { actorFromSessionClaims } from "./resolve-actor";

/**
 * The actor behind the request's session cookie, or null. Usable in pages, server actions and routes.
 * Memoized per server render (React cache), so a layout and its page resolve the actor once.
 */
export const sessionActor = cache(async (): Promise<Actor | null> => {
  const session = (await getServerSession(authOptions)) as SessionClaims | null;
  return session ? actorFromSessionClaims(session.uid, session.sv) : null;
});
