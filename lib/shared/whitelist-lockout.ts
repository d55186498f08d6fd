import { booleanField } from "@/lib/shared/boolean-field";
import { compileIpSet, ipSetContains } from "@/lib/authz/ip/ip-set";
import { AppError } from "@/lib/errors";

/** The form's "I understand I will lose access" checkbox (absent = not confirmed), or a JSON boolean. */
export const confirmLockoutField = booleanField.optional().transform((value) => value === true);

/** Whether a whitelist would refuse this address: a non-empty list that does not contain it. */
export function whitelistBlocks(entries: readonly string[], address: string | null): boolean {
  if (entries.length === 0) return false;
  return address === null || !ipSetContains(compileIpSet(entries), address);
}

/** What a whitelist guards: a project's (the default) or, for the system whitelist, the whole platform. */
export type LockoutScope = "project" | "platform";

const GUARDED = { project: "this project", platform: "the platform (every tenant and this console)" } as const;

export function lockoutWarning(address: string | null, scope: LockoutScope = "project"): string {
  return address === null
    ? "Your own address is unknown, so after this change the whitelist will not let you in."
    : `After this change the whitelist no longer contains your own address ${address}: you will lose access to ${GUARDED[scope]} from it.`;
}

/**
 * The lockout guard: a change that leaves the acting administrator's own address outside the whitelist
 * (a project's, or the system's) needs an explicit confirmation (`confirmLockout`).
 */
export function refuseUnconfirmedLockout(
  entriesAfter: readonly string[],
  address: string | null,
  confirmed: boolean,
  scope: LockoutScope = "project",
): void {
  if (!confirmed && whitelistBlocks(entriesAfter, address)) {
    throw new AppError("INVALID_INPUT", "This change would lock you out.", {
      confirmLockout: [`${lockoutWarning(address, scope)} Confirm that you understand to go ahead.`],
    });
  }
}
