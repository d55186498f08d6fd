import type { ObjectType, SecurityIndex } from "@/lib/authz";
import { AppError } from "@/lib/errors";

export type IndexedObject = SecurityIndex["objects"][number];

/** A catalog object as the decision index knows it, by type and name (case-insensitive); undefined when absent. */
export function findIndexedObject(index: SecurityIndex, type: ObjectType, name: string): IndexedObject | undefined {
  const int = index.objectsByType.get(type)?.get(name.toLowerCase());
  return int === undefined ? undefined : index.objects[int];
}

/** The label a column carries: its own, else its table's (0 when unlabelled). */
export function columnLabel(object: IndexedObject, column: string): number {
  return object.columnLabels.get(column) ?? object.label;
}

/**
 * The object an access view asks about, which must exist in the project, and the requested columns, which
 * must be its own. `fields` names the form fields an error points at.
 */
export function requireCatalogObject(
  index: SecurityIndex,
  request: { type: ObjectType; name: string; columns?: readonly string[] | undefined },
  fields: { name: string; columns: string },
): IndexedObject {
  const object = findIndexedObject(index, request.type, request.name);
  if (!object) {
    throw new AppError("INVALID_INPUT", "Some fields need attention.", {
      [fields.name]: [`Project ${index.project.name} has no ${request.type.toLowerCase()} named ${request.name}.`],
    });
  }
  const unknown = (request.columns ?? []).filter((column) => !object.columns.includes(column.toLowerCase()));
  if (unknown.length > 0) {
    throw new AppError("INVALID_INPUT", "Some fields need attention.", {
      [fields.columns]: [`${object.name} has no column ${unknown.join(", ")}.`],
    });
  }
  return object;
}
