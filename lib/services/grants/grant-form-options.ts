import { administers, OBJECT_TYPES, type ObjectType } from "@/lib/authz";
import type { ScopedProject } from "@/lib/decisions/project-scope";
import type { ServiceContext } from "@/lib/endpoint/context";
import { AppError } from "@/lib/errors";

/** Suggestions per list: pickers also accept any name typed, so long catalogs need not be sent whole. */
const SUGGESTIONS = 200;

export interface GrantFormOptions {
  /** Object names by type, for the object picker (the project itself needs none). */
  objects: Record<ObjectType, string[]>;
  roles: string[];
  /** Principal names of the owner and the active members. */
  members: string[];
}

/** What the grant form and the SHOW GRANTS picker offer, read from the project's decision index. */
export function grantFormOptions(ctx: ServiceContext, project: ScopedProject): GrantFormOptions {
  const { index } = project;
  if (!administers(index, ctx.actor.userId)) throw new AppError("FORBIDDEN", `Only the owner, a Super_Administrator or an Admin of ${project.name} may grant here.`);
  const objects = Object.fromEntries(
    OBJECT_TYPES.map((type) => [type, type === "Project" ? [] : [...(index.objectsByType.get(type)?.keys() ?? [])].sort().slice(0, SUGGESTIONS)]),
  ) as Record<ObjectType, string[]>;
  const members = index.users
    .filter((user) => user.isMember || user.int === index.project.ownerInt)
    .map((user) => user.displayName)
    .sort()
    .slice(0, SUGGESTIONS);
  return { objects, roles: index.roles.map((role) => role.name).sort(), members };
}
