import { z } from "zod";
import { prisma } from "@/lib/db/client";
import type { ServiceContext } from "@/lib/context/service-context";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import { ACCESS_KEY_VIEW, MAX_ACTIVE_KEYS_PER_USER, MAX_KEYS_PER_USER } from "./support/access-key-records";

/** The caller's own keys, newest first (at most MAX_KEYS_PER_USER, so one page). Never a secret. */
export async function listOwnAccessKeys(ctx: ServiceContext) {
  const items = await prisma.accessKey.findMany({
    where: { userId: ctx.actor.userId },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    select: ACCESS_KEY_VIEW,
  });
  return { items, maxActive: MAX_ACTIVE_KEYS_PER_USER, maxKeys: MAX_KEYS_PER_USER };
}

export const listOwnAccessKeysEndpoint = defineEndpoint({
  name: "access-key.list-own",
  input: z.object({}),
  permission: "signed-in",
  run: listOwnAccessKeys,
});
