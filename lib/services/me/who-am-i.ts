import { z } from "zod";
import type { ServiceContext } from "@/lib/context/service-context";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import { permissionsOf } from "@/lib/authorize/authorize-permission";

/** The caller's identity and console permissions: what the navigation and API clients show. */
export async function whoAmI(ctx: ServiceContext) {
  const { actor } = ctx;
  return {
    userId: actor.userId,
    principal: actor.principal,
    email: actor.email,
    displayName: actor.displayName,
    tenant: actor.tenantName,
    tenantRoles: actor.tenantRoles,
    permissions: [...(await permissionsOf(actor))].sort(),
  };
}

export const whoAmIEndpoint = defineEndpoint({
  name: "me.get",
  input: z.object({}),
  permission: "signed-in",
  run: whoAmI,
});
