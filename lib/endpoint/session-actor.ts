import { cache } from "react";
import { headers } from "next/headers";
import { getServerSession } from "next-auth";
import { authOptions, type SessionClaims } from "@/lib/auth/auth-options";
import type { Actor } from "@/lib/context/service-context";
import { actorFromSessionClaims } from "./resolve-actor";
import { BACKGROUND_REQUEST_HEADER } from "@/lib/auth/session-lifetime";

/**
 * The actor behind the request's session cookie, or null. Usable in pages, server actions and routes.
 * Memoized per server render (React cache), so a layout and its page resolve the actor once.
 */
export const sessionActor = cache(async (): Promise<Actor | null> => {
  const session = (await getServerSession(authOptions)) as SessionClaims | null;
  if (!session) return null;
  const background = (await headers()).get(BACKGROUND_REQUEST_HEADER) === "1";
  return actorFromSessionClaims(session, { touch: !background });
});
