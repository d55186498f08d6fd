import { z } from "zod";

/**
 * A number of days for a grant to last, from a form ("" = left empty) or JSON: undefined when empty or absent
 * (the caller's default applies), else a whole number from 1 to `maxDays`, refused with the reason otherwise.
 */
export const optionalDaysField = (maxDays: number) =>
  z
    .union([
      z.literal("").transform(() => undefined),
      z.coerce
        .number({ error: "Give a number of days." })
        .int("Give a whole number of days.")
        .min(1, "Give at least 1 day.")
        .max(maxDays, `Give at most ${maxDays} days.`),
    ])
    .optional();
