import type { PolicyError } from "@/lib/authz";

/**
 * One parser error as an administrator reads it: the statement (counted from 1, as people count), the field
 * inside it as the parser names it, and what is wrong — e.g.
 * "Statement 2 → Condition.IpAddress.acs:SourceIp[0]: "10.0.0" is not an IP address".
 */
export function describePolicyError(error: PolicyError): string {
  const where =
    error.statementIndex === null
      ? error.field
      : `Statement ${error.statementIndex + 1} → ${error.field || "(statement)"}`;
  return `${where}: ${error.message}`;
}
