import { z } from "zod";

/**
 * A yes/no as every door sends it: a JSON boolean, a form's "true"/"false", or a ticked checkbox ("on"; an
 * unticked one sends nothing, which the field's default or optional() decides). Anything else, the empty
 * string included, is refused, never read as either: a blank must not switch a security setting off.
 */
export const booleanField = z
  .union([z.boolean(), z.enum(["true", "on", "false"], "Use true or false.")])
  .transform((value) => value === true || value === "true" || value === "on");
