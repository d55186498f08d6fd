import { z } from "zod";

/** How a caller names a person: an email, `ALIYUN$<login>` (an account) or `RAM$<account>:<sub-user>`. */
export type PrincipalReference =
  | { kind: "email"; email: string }
  | { kind: "primary"; email: string }
  | { kind: "sub"; tenantName: string; name: string };

const EMAIL = /^[^\s@$:]+@[^\s@$:]+$/;
const PRIMARY = /^ALIYUN\$([^\s@$:]+@[^\s@$:]+)$/i;
const SUB = /^RAM\$([^\s$:]+):([^\s$:]+)$/i;

export function parsePrincipalReference(text: string): PrincipalReference | null {
  const primary = PRIMARY.exec(text);
  if (primary) return { kind: "primary", email: primary[1]! };
  const sub = SUB.exec(text);
  if (sub) return { kind: "sub", tenantName: sub[1]!, name: sub[2]! };
  return EMAIL.test(text) ? { kind: "email", email: text } : null;
}

export interface NamedPrincipal {
  /** As the caller typed it (trimmed). */
  text: string;
  reference: PrincipalReference;
}

export const principalReferenceField = z
  .string({ error: "Enter a principal." })
  .trim()
  .min(1, "Enter a principal.")
  .max(320)
  .transform((text, context): NamedPrincipal => {
    const reference = parsePrincipalReference(text);
    if (reference) return { text, reference };
    context.addIssue({
      code: "custom",
      message: "Use an email or a principal name such as RAM$wonderland:allen or ALIYUN$alice@wonderland.example.",
    });
    return z.NEVER;
  });

/** Whether a reference names the given user (compared case-insensitively, as MaxCompute does). */
export function refersTo(reference: PrincipalReference, user: { email: string; principal: string }): boolean {
  const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
  switch (reference.kind) {
    case "email":
      return same(reference.email, user.email);
    case "primary":
      return same(`ALIYUN$${reference.email}`, user.principal);
    case "sub":
      return same(`RAM$${reference.tenantName}:${reference.name}`, user.principal);
  }
}
