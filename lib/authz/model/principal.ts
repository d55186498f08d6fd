import { z } from "zod";

export const principalKindSchema = z.enum(["primary", "sub"]);
export type PrincipalKind = z.infer<typeof principalKindSchema>;

/**
 * Canonical principal names as MaxCompute prints them:
 * `ALIYUN$<login>` for a primary account, `RAM$<account>:<sub-user>` for a sub-account (RAM user).
 */
export function formatPrincipalName(
  principal: { kind: "primary"; login: string } | { kind: "sub"; accountName: string; subUser: string },
): string {
  return principal.kind === "primary"
    ? `ALIYUN$${principal.login}`
    : `RAM$${principal.accountName}:${principal.subUser}`;
}

/**
 * Names compare case-insensitively (MaxCompute lower-cases identifiers). Returns the same string when it has
 * no upper-case letter, so a request's name keeps its cached hash for map lookups.
 */
export function normalizeName(name: string): string {
  for (let i = 0; i < name.length; i++) {
    const code = name.charCodeAt(i);
    if ((code >= 65 && code <= 90) || code > 127) return name.toLowerCase();
  }
  return name;
}
