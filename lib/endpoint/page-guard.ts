import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { requestMetaFromHeaders } from "@/lib/http/request-meta";
import type { ConsolePermission } from "@/lib/authz/console-permissions";
import type { Actor, ServiceContext } from "./context";
import { permissionsOf } from "./resolve-actor";
import { sessionActor } from "./session-actor";

/**
 * Every console page starts here: no session → the login page; a missing permission → the 403 page.
 * Pages then read through readPage() (the one door), whose services check again; this only decides what to render.
 */
export async function guardPage(
  permission?: ConsolePermission,
): Promise<{ actor: Actor; permissions: Set<ConsolePermission>; ctx: ServiceContext }> {
  const actor = await sessionActor();
  if (!actor) redirect("/login");
  const permissions = await permissionsOf(actor);
  if (permission && !permissions.has(permission)) forbidden();
  return { actor, permissions, ctx: { actor, request: requestMetaFromHeaders(await headers()) } };
}
