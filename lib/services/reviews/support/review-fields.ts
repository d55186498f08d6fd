import { z } from "zod";
import { projectField } from "@/lib/services/project-field";

/** Empty form fields mean "not given". */
export const optionalText = (max: number) =>
  z.preprocess(
    (value) => (value === "" || value === null ? undefined : value),
    z.string().trim().max(max, `Give at most ${max} characters.`).optional(),
  );

/** Any text: an id that is not a review's (or item's) is simply not found. */
export const idField = (what: string) => z.string().trim().min(1, `Name the ${what}.`).max(100);

export const reviewRef = { project: projectField, review: idField("review") };

export const commentField = z.string().trim().max(1_000, "Keep the comment under 1,000 characters.").default("");

export const decisionField = z.enum(["keep", "revoke"], { error: "Choose keep or revoke." });
