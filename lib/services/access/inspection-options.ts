import { administers, type ObjectType } from "@/lib/authz";
import { projectInScope } from "@/lib/decisions/project-scope";
import type { ServiceContext } from "@/lib/endpoint/context";
import { columnLabel } from "./catalog-object";
import { projectDirectory } from "./project-directory";

export interface InspectableObject {
  type: ObjectType;
  name: string;
  columns: { name: string; label: number }[];
}

/**
 * What the access views' pickers offer for a project: the principals the actor may inspect (everyone in
 * the directory for its administrators, otherwise only themselves) and the catalog with column labels.
 */
export async function inspectionOptions(ctx: ServiceContext, projectName: string) {
  const project = await projectInScope(ctx, projectName);
  const { index } = project;
  const { actor } = ctx;
  const mayInspectOthers = administers(index, actor.userId);
  const principals = mayInspectOthers
    ? (await projectDirectory(index)).map((user) => ({ principal: user.principal, label: `${user.displayName} — ${user.principal}` }))
    : [{ principal: actor.principal, label: `${actor.displayName} — ${actor.principal}` }];
  const objects = index.objects
    .filter((object) => object.type !== "Project")
    .map((object): InspectableObject => ({
      type: object.type,
      name: object.name,
      columns: object.columns.map((column) => ({ name: column, label: columnLabel(object, column) })),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return { project: project.name, mayInspectOthers, principals, objects };
}

export type InspectionOptions = Awaited<ReturnType<typeof inspectionOptions>>;
