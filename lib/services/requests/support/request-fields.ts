import { z } from "zod";
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
  days: z
    .union([
      z.literal("").transform(() => undefined),
      z.coerce
        .number({ error: "Give a number of days." })
        .int("Give a whole number of days.")
        .min(1, "Give at least 1 day.")
        .max(MAX_GRANT_DAYS, `Give at most ${MAX_GRANT_DAYS} days.`),
    ])
    .optional(),
};

const name = (message: string) => z.string().trim().min(1, message).max(260);

/** What a member may ask for; each kind with a reason and a duration. */
export const requestInput = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("privileges"),
    ...common,
    objectType: z.enum(OBJECT_TYPES, { error: "Choose an object type." }),
    /** Empty for the project itself. */
    objectName: z.string().trim().max(260).default(""),
    columns: columnListField,
    privileges: listOf(privilegeField).pipe(z.array(privilegeField).min(1, "Pick at least one privilege.").max(20)),
  }),
  z.object({
    kind: z.literal("label"),
    ...common,
    table: name("Name the table or view."),
    columns: columnListField,
    level: levelField.refine((level) => level >= 1, "Give a level from 1 to 9."),
  }),
  z.object({
    kind: z.literal("package"),
    ...common,
    package: name("Name the installed package (owner_project.package)."),
  }),
  z.object({ kind: z.literal("role"), ...common, role: name("Name the role.") }),
  /** Renewing one of the requester's own grants that expires within 14 days. */
  z.object({ kind: z.literal("extension"), ...common, grantId: z.uuid("Name one of your grants by its id.") }),
]);

export type RequestInput = z.output<typeof requestInput>;
