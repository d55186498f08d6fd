import { z } from "zod";
import { parseWhitelistEntry, printWhitelistEntry } from "@/lib/authz";

/** An entry as typed (IPv4, IPv6, CIDR or a-b range), stored in canonical form; the parser says what is wrong. */
export const whitelistValueField = z.string().transform((text, context) => {
  const parsed = parseWhitelistEntry(text);
  if (parsed.ok) return printWhitelistEntry(parsed.entry);
  context.addIssue({ code: "custom", message: parsed.message });
  return z.NEVER;
});

export const whitelistDescriptionField = z
  .string()
  .trim()
  .max(200, "Keep the description under 200 characters.")
  .default("");

/** A project's whitelist stays short enough to read on one page. */
export const WHITELIST_LIMIT = 200;
