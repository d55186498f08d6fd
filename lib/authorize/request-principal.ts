import type { RequestContext, RequestPrincipal } from "@/lib/authz";
import type { Actor, ServiceContext } from "@/lib/context/service-context";

/** The acting user as the decision engine's request names them. */
export const principalOf = (actor: Actor): RequestPrincipal => ({
  userId: actor.userId,
  accountId: actor.tenantId,
  kind: actor.kind === "PRIMARY" ? "primary" : "sub",
  disabled: false,
});

/** What the engine may check about the request itself: where it came from, and when. */
export const requestContextOf = (ctx: ServiceContext): RequestContext => ({
  ...(ctx.request.sourceIp ? { sourceIp: ctx.request.sourceIp } : {}),
  time: Date.now(),
  ...(ctx.request.userAgent ? { userAgent: ctx.request.userAgent } : {}),
});
