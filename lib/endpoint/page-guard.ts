import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { requestMetaFromHeaders } from "@/lib/http/request-meta";
import { refuseOutsideSystemWhitelist } from "@/lib/authorize/source-address-gate";
import { AppError } from "@/lib/errors";
import type { ConsolePermission } from "@/lib/authz/console-permissions";
import type { Actor, ServiceContext } from "@/lib/context/service-context";
import { permissionsOf } from "@/lib/authorize/authorize-permission";
import { sessionActor } from "./session-actor";

/**
 * Every console page starts here: no session → the login page; outside the system IP whitelist or a missing
 * permission → the 403 page.
 * Pages then read through readPage() (the one door), whose services check again; this only decides what to render.
 */
export async function guardPage(
  /** One permission, or several of which any one opens the page. */
  permission?: ConsolePermission | readonly ConsolePermission[],
): Promise<{ actor: Actor; permissions: Set<ConsolePermission>; ctx: ServiceContext }> {
  const actor = await sessionActor();
  if (!actor) redirect("/login");
  const request = requestMetaFromHeaders(await headers());
  await refuseOutsideSystemWhitelist(request).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "FORBIDDEN") forbidden();
    throw error;
  });
  const permissions = await permissionsOf(actor);
  const anyOf = permission === undefined ? [] : typeof permission === "string" ? [permission] : permission;
  if (anyOf.length > 0 && !anyOf.some((each) => permissions.has(each))) forbidden();
  return { actor, permissions, ctx: { actor, request, memo: new Map() } };
}
