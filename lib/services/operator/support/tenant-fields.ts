import { z } from "zod";

/** A tenant's name: it appears in principal names (RAM$<tenant>:<user>), so it is short and plain. */
export const tenantNameField = z
  .string()
  .trim()
  .toLowerCase()
  .regex(
    /^[a-z][a-z0-9_-]{1,31}$/,
    "Use 2–32 lower-case letters, digits, dashes or underscores, starting with a letter.",
  );
