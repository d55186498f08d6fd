import type { IndexedObject } from "@/lib/authz";
import type { ScopedProject } from "@/lib/authorize/project-scope";
import { invalidInput, type FieldErrors } from "@/lib/errors";

/** A table or view as the decision index knows it, and the listed columns in table order. */
export interface LabelledTarget {
  object: IndexedObject;
  type: "Table" | "View";
  /** The named columns in the table's order; empty = the table (or view) itself. */
  columns: string[];
}

/**
 * The table or view a label statement names, and its named columns, checked against the decision index (the
 * state the engine decides on). Records field errors (objectName, columns) instead of throwing when `errors`
 * is given; throws INVALID_INPUT otherwise.
 */
export function findLabelledTarget(
  project: ScopedProject,
  type: "Table" | "View",
  name: string,
  columns: readonly string[],
  errors: FieldErrors = {},
): LabelledTarget | null {
  const { index } = project;
  const object = index.objects[index.objectsByType.get(type)?.get(name.trim().toLowerCase()) ?? -1];
  if (!object) {
    errors.objectName = [`${type} ${name} does not exist in ${project.name}.`];
    return null;
  }
  const unknown = columns.filter((column) => !object.columns.includes(column));
  if (unknown.length > 0) {
    const shown = unknown.slice(0, 5).join(", ") + (unknown.length > 5 ? ` and ${unknown.length - 5} more` : "");
    errors.columns = [`${object.name} has no column ${shown}.`];
    return null;
  }
  return { object, type, columns: object.columns.filter((column) => columns.includes(column)) };
}

export function requireLabelledTarget(
  project: ScopedProject,
  type: "Table" | "View",
  name: string,
  columns: readonly string[],
): LabelledTarget {
  const errors: FieldErrors = {};
  const target = findLabelledTarget(project, type, name, columns, errors);
  if (!target) throw invalidInput(errors);
  return target;
}

/** `user_profile(mobile, birthday)` or `user_profile`, as the statements name their target. */
export function targetText(target: { object: { name: string }; columns: readonly string[] }): string {
  return `${target.object.name}${target.columns.length > 0 ? `(${target.columns.join(", ")})` : ""}`;
}
