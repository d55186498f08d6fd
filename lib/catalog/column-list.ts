import { z } from "zod";
import { columnSpecSchema, duplicateName, MAX_COLUMNS, type ColumnSpec } from "./object-spec";

/**
 * A column as a form or API client sends it. `originalName` names an existing column (so a different `name`
 * renames it); a column without it is new.
 */
const rawColumnSchema = z.object({
  name: z.string(),
  type: z.string(),
  comment: z.string().optional(),
  originalName: z.string().optional(),
});
export type RawColumn = z.infer<typeof rawColumnSchema>;

/** `columns` as a list, or as the JSON text of one (what the console's column editor submits). */
export const rawColumnsSchema = z.preprocess(
  (value) => {
    if (typeof value !== "string") return value;
    if (value.trim() === "") return [];
    try {
      return JSON.parse(value) as unknown;
    } catch {
      return value;
    }
  },
  z
    .array(rawColumnSchema, { error: "Send the columns as a list of {name, type, comment}." })
    .max(MAX_COLUMNS, `A table has at most ${MAX_COLUMNS} columns.`),
);

export type CheckedColumn = ColumnSpec & { originalName?: string };

/**
 * Validates every column and says which one is wrong ("Column 3 (amount), type: ..."): the list of
 * problems, or the normalized columns.
 */
export function checkColumnList(
  raw: readonly RawColumn[],
): { ok: true; columns: CheckedColumn[] } | { ok: false; problems: string[] } {
  const problems: string[] = [];
  const columns: CheckedColumn[] = [];
  raw.forEach((column, index) => {
    const parsed = columnSpecSchema.safeParse(column);
    if (!parsed.success) {
      const label = column.name.trim() ? `Column ${index + 1} (${column.name.trim()})` : `Column ${index + 1}`;
      for (const issue of parsed.error.issues) problems.push(`${label}, ${issue.path.join(".")}: ${issue.message}`);
      return;
    }
    columns.push({
      ...parsed.data,
      ...(column.originalName ? { originalName: column.originalName.toLowerCase() } : {}),
    });
  });
  const duplicate = duplicateName(columns.map((column) => column.name));
  if (duplicate) problems.push(`Column ${duplicate} appears twice.`);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, columns };
}
