import { z } from "zod";
import { compileIpSet, ipSetContains } from "@/lib/authz/ip/ip-set";
import { AppError } from "@/lib/errors";

/** The form's "I understand I will lose access" checkbox (absent = not confirmed), or a JSON boolean. */
export const confirmLockoutField = z
  .union([z.boolean(), z.enum(["true", "on", "false"])])
  .optional()
  .transform((value) => value === true || value === "true" || value === "on");

/** Whether a project whitelist would refuse this address: a non-empty list that does not contain it. */
export function whitelistBlocks(entries: readonly string[], address: string | null): boolean {
  if (entries.length === 0) return false;
  return address === null || !ipSetContains(compileIpSet(entries), address);
}

export function lockoutWarning(address: string | null): string {
  return address === null
    ? "Your own address is unknown, so after this change the whitelist will not let you in."
    : `After this change the whitelist no longer contains your own address ${address}: you will lose access to this project from it.`;
}

/**
 * The lockout guard: a change that leaves the acting administrator's own address outside the project's
 * whitelist needs an explicit confirmation (`confirmLockout`).
 */
export function refuseUnconfirmedLockout(entriesAfter: readonly string[], address: string | null, confirmed: boolean): void {
  if (!confirmed && whitelistBlocks(entriesAfter, address)) {
    throw new AppError("INVALID_INPUT", "This change would lock you out.", {
      confirmLockout: [`${lockoutWarning(address)} Confirm that you understand to go ahead.`],
    });
  }
}
