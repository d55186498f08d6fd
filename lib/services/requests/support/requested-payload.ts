import type { Privilege } from "@/lib/authz";
import type { ServiceContext } from "@/lib/context/service-context";
import type { ScopedProject } from "@/lib/authorize/project-scope";
import { prisma } from "@/lib/db/client";
import { invalidInput } from "@/lib/errors";
import { OBJECT_TYPE_OF } from "@/lib/services/grants/support/grant-object";
import type { RequestInput } from "./request-fields";
import type { RequestPayload } from "./request-payload";

/** A grant may be extended once it expires within this many days. */
export const EXTENSION_WINDOW_DAYS = 14;
const DAY = 86_400_000;

/** What the form asks for, as a stored payload (requestInput's refinement guarantees each kind's fields); an extension also names the grant it renews. */
export async function requestedPayload(
  ctx: ServiceContext,
  project: ScopedProject,
  input: RequestInput,
): Promise<{ payload: RequestPayload; extendsGrantId: string | null }> {
  switch (input.kind) {
    case "privileges":
      return {
        payload: {
          kind: "ACL",
          objectType: input.objectType,
          objectName: input.objectName ?? "",
          columns: input.columns,
          privileges: input.privileges,
        },
        extendsGrantId: null,
      };
    case "label":
      return {
        payload: {
          kind: "LABEL",
          objectType: "Table",
          table: input.table!,
          columns: input.columns,
          level: input.level!,
        },
        extendsGrantId: null,
      };
    case "package":
      return { payload: { kind: "PACKAGE", package: input.package! }, extendsGrantId: null };
    case "role":
      return { payload: { kind: "ROLE", role: input.role! }, extendsGrantId: null };
    case "extension":
      return { payload: await expiringGrantPayload(ctx, project, input.grantId!), extendsGrantId: input.grantId! };
  }
}

/**
 * The payload of one of the requester's own ACL or label grants in the project that expires within
 * EXTENSION_WINDOW_DAYS (and has not expired); anything else is answered as a grant they do not have.
 */
async function expiringGrantPayload(
  ctx: ServiceContext,
  project: ScopedProject,
  grantId: string,
): Promise<RequestPayload> {
  const now = Date.now();
  const window = { gt: new Date(now), lte: new Date(now + EXTENSION_WINDOW_DAYS * DAY) };
  const mine = { id: grantId, projectId: project.id, granteeUserId: ctx.actor.userId, expiresAt: window };
  const [acl, label] = await Promise.all([
    prisma.aclGrant.findFirst({
      where: mine,
      include: {
        object: { select: { name: true } },
        package: { select: { name: true, project: { select: { name: true } } } },
      },
    }),
    prisma.labelGrant.findFirst({ where: mine, include: { object: { select: { name: true, type: true } } } }),
  ]);
  if (acl) {
    const objectType = OBJECT_TYPE_OF[acl.objectType];
    if (objectType === "Package" && acl.package)
      return { kind: "PACKAGE", package: `${acl.package.project.name}.${acl.package.name}`.toLowerCase() };
    return {
      kind: "ACL",
      objectType,
      objectName: objectType === "Project" ? project.name : (acl.object?.name ?? ""),
      columns: acl.columns,
      privileges: [acl.privilege as Privilege],
    };
  }
  if (label)
    return {
      kind: "LABEL",
      objectType: label.object.type === "VIEW" ? "View" : "Table",
      table: label.object.name,
      columns: label.columns,
      level: label.level,
    };
  throw invalidInput({
    grantId: [`You hold no grant ${grantId} in ${project.name} that expires within ${EXTENSION_WINDOW_DAYS} days.`],
  });
}
