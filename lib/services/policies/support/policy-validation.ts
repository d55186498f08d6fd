import { z } from "zod";
import { parsePolicyDocument, type PolicyDocument } from "@/lib/authz";
import { AppError } from "@/lib/errors";
import { describePolicyError } from "@/lib/shared/policy-error-text";

/** Policy text from a form (a string) or an API body (the JSON document itself). */
export const policyDocumentField = z
  .union([z.string(), z.record(z.string(), z.unknown())])
  .transform((document) => (typeof document === "string" ? document : JSON.stringify(document)))
  .pipe(z.string().trim().min(1, "Write the policy document.").max(65_536, "A policy document may be at most 64 KB."));

/**
 * The server's own check of policy text (the editor validates as the user types, but a client can send
 * anything): the parsed document, or INVALID_INPUT with every error at `field`, each naming its statement.
 */
export function requireValidPolicy(text: string, scope: "project" | "role", field: string): PolicyDocument {
  const parsed = parsePolicyDocument(text, scope);
  if (parsed.ok) return parsed.document;
  throw new AppError("INVALID_INPUT", "The policy has errors.", { [field]: parsed.errors.map(describePolicyError) });
}
