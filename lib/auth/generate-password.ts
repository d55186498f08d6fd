import { randomBytes } from "node:crypto";

/**
 * A password for someone who will be told it once (a new operator, a new tenant's owner): 144 random bits as
 * 24 URL-safe characters, well above the policy's minimum length and on no list of common passwords.
 */
export function generatePassword(): string {
  return randomBytes(18).toString("base64url");
}
