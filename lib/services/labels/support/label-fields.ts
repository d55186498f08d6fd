import { z } from "zod";

/** A LabelSecurity level: 0 (unclassified) to 9, from a form's text or the API's number. */
export const levelField = z.coerce
  .number({ error: "Give a level from 0 to 9." })
  .int("Give a whole level from 0 to 9.")
  .min(0, "Give a level from 0 to 9.")
  .max(9, "Give a level from 0 to 9.");

/** Most columns one statement may name (a table's columns, with room to spare). */
export const MAX_LABEL_COLUMNS = 1_200;

/**
 * A column list: checkboxes (a list), comma-separated text, or absent (the whole table). Lower-cased,
 * blanks dropped, duplicates removed; each name bounded.
 */
export const columnListField = z
  .preprocess(
    (value) =>
      value === undefined || value === null || value === ""
        ? []
        : typeof value === "string"
          ? value.split(",")
          : Array.isArray(value)
            ? value
            : [value],
    z.array(z.string().trim().max(128, "A column name has at most 128 characters.")).max(MAX_LABEL_COLUMNS),
  )
  .transform((columns) => [
    ...new Set(columns.filter((column) => column !== "").map((column) => column.toLowerCase())),
  ]);

/** Labels apply to tables and views (a view's label is its own, independent of its base tables). */
export const labelledTypeField = z.enum(["Table", "View"]).default("Table");

export const objectNameField = z.string().trim().min(1, "Name the table or view.").max(260);

/** Whom a clearance or a label grant names. */
export const principalTypeField = z.enum(["User", "Role"]).default("User");
export const principalField = z.string().trim().min(1, "Name the user or role.").max(320);
