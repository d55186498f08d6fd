import type { ObjectType } from "@/lib/authz";
import type { ScopedProject } from "@/lib/authorize/project-scope";
import type { ObjectType as DbObjectType } from "@/lib/generated/prisma/enums";

export const DB_OBJECT_TYPE: Record<ObjectType, DbObjectType> = {
  Project: "PROJECT",
  Table: "TABLE",
  View: "VIEW",
  Function: "FUNCTION",
  Resource: "RESOURCE",
  Instance: "INSTANCE",
  Package: "PACKAGE",
};
export const OBJECT_TYPE_OF: Record<DbObjectType, ObjectType> = {
  PROJECT: "Project",
  TABLE: "Table",
  VIEW: "View",
  FUNCTION: "Function",
  RESOURCE: "Resource",
  INSTANCE: "Instance",
  PACKAGE: "Package",
};

/** An object a grant may name, as the decision index knows it. */
export interface GrantObject {
  type: ObjectType;
  /** Lower-cased; packages are `<owner project>.<package>`. */
  name: string;
  /** The AclGrant columns that point at it. */
  where: { objectType: DbObjectType; objectId: string | null; packageId: string | null };
  /** Columns of a table or view, in table order. */
  columns: readonly string[];
}

/**
 * The object a grant names, looked up in the project's decision index (so it exists in the very state the
 * engine decides on), or null. The project itself is named by its own name (or left empty).
 */
export function findGrantObject(project: ScopedProject, type: ObjectType, name: string): GrantObject | null {
  const { index } = project;
  const wanted = name.trim().toLowerCase();
  if (type === "Project") {
    return wanted === "" || wanted === index.project.name
      ? {
          type,
          name: index.project.name,
          where: { objectType: "PROJECT", objectId: null, packageId: null },
          columns: [],
        }
      : null;
  }
  const objectInt = index.objectsByType.get(type)?.get(wanted);
  const object = objectInt === undefined ? undefined : index.objects[objectInt];
  if (!object) return null;
  const where =
    type === "Package"
      ? { objectType: "PACKAGE" as const, objectId: null, packageId: object.id }
      : { objectType: DB_OBJECT_TYPE[type], objectId: object.id, packageId: null };
  return { type, name: object.name, where, columns: object.columns };
}
