import { z } from "zod";
import { optionalDaysField } from "@/lib/services/days-field";
import { ROLE_HAS_NO_DURATION } from "@/lib/shared/request-duration";
import { OBJECT_TYPES } from "@/lib/authz";
import { privilegeField } from "@/lib/services/grants/support/grant-item";
import { columnListField, levelField } from "@/lib/services/labels/support/label-fields";
import { projectField } from "@/lib/services/project-field";
import { MAX_GRANT_DAYS } from "./approval-rules";

/** A single checkbox arrives as one string; a group of them as a list. */
const listOf = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (value) => (value === undefined || value === "" ? [] : Array.isArray(value) ? value : [value]),
    z.array(item),
  );

const common = {
  project: projectField,
  reason: z
    .string()
    .trim()
    .min(1, "Say why you need this access.")
    .max(1000, "Keep the reason under 1,000 characters."),
  /** Empty = the project's default for the kind. */
  days: optionalDaysField(MAX_GRANT_DAYS),
};

/** An optional text field: absent, or "" from a form, is undefined. */
const optionalText = (max = 260) =>
  z.preprocess((value) => (value === "" ? undefined : value), z.string().trim().max(max).optional());

const KINDS = ["privileges", "label", "package", "role", "extension"] as const;

/**
 * What a member may ask for, each kind with a reason and a duration: `privileges` (objectType, objectName,
 * columns?, privileges), `label` (table, columns?, level), `package` (an installed package's name), `role`,
 * `extension` (grantId). One flat object, as a form sends it and the API documents it; each kind's own fields are
 * required by the refinement, which names the missing field.
 */
export const requestInput = z
  .object({
    kind: z.enum(KINDS, { error: `Choose what you need: ${KINDS.join(", ")}.` }),
    ...common,
    objectType: z.enum(OBJECT_TYPES, { error: "Choose an object type." }).default("Table"),
    /** Empty for the project itself. */
    objectName: optionalText(),
    columns: columnListField,
    privileges: listOf(privilegeField).pipe(z.array(privilegeField).max(20)),
    table: optionalText(),
    level: z.preprocess((value) => (value === "" ? undefined : value), levelField.optional()),
    package: optionalText(),
    role: optionalText(),
    grantId: z.preprocess(
      (value) => (value === "" ? undefined : value),
      z.uuid("Name one of your grants by its id.").optional(),
    ),
  })
  .superRefine((input, context) => {
    const missing = (path: string, message: string) => context.addIssue({ code: "custom", path: [path], message });
    if (input.kind === "privileges" && input.privileges.length === 0)
      missing("privileges", "Pick at least one privilege.");
    if (input.kind === "label") {
      if (!input.table) missing("table", "Name the table or view.");
      if (input.level === undefined || input.level < 1) missing("level", "Give a level from 1 to 9.");
    }
    if (input.kind === "package" && !input.package)
      missing("package", "Name the installed package (owner_project.package).");
    if (input.kind === "role" && !input.role) missing("role", "Name the role.");
    if (input.kind === "role" && input.days !== undefined) missing("days", ROLE_HAS_NO_DURATION);
    if (input.kind === "extension" && !input.grantId) missing("grantId", "Name one of your grants by its id.");
  });

export type RequestInput = z.output<typeof requestInput>;
