import { z } from "zod";
import type { ServiceContext } from "@/lib/context/service-context";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import { auditedTransaction } from "@/lib/services/audited-transaction";

export const signOutEverywhereInput = z.object({});

/**
 * Ends every open session of the acting user, this one included, in every browser: each is revoked on the
 * server, so its cookie is refused on its next request. Only ever the caller's own sessions.
 */
export async function signOutEverywhere(
  ctx: ServiceContext,
  _input: z.output<typeof signOutEverywhereInput>,
  now = new Date(),
) {
  return auditedTransaction(
    ctx,
    (tx) =>
      tx.userSession.updateMany({ where: { userId: ctx.actor.userId, revokedAt: null }, data: { revokedAt: now } }),
    (ended) => ({
      action: "auth.sign-out-everywhere",
      target: { type: "USER", id: ctx.actor.userId, name: ctx.actor.email },
      after: { sessionsEnded: ended.count },
    }),
  );
}

export const signOutEverywhereEndpoint = defineEndpoint({
  name: "auth.sign-out-everywhere",
  input: signOutEverywhereInput,
  permission: "signed-in",
  sessionOnly: "it ends the console's sessions, which a key does not have; a leaked key must not lock its owner out",
  run: (ctx, input) => signOutEverywhere(ctx, input),
});
