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
  return principal.kind === "primary" ? `ALIYUN$${principal.login}` : `RAM$${principal.accountName}:${principal.subUser}`;
}

/** Names compare case-insensitively (MaxCompute lower-cases identifiers). */
export function normalizeName(name: string): string {
  return name.toLowerCase();
}
