import { COMMON_PASSWORDS } from "./common-passwords";

/** NIST SP 800-63B / ASVS: length is what counts; no composition or rotation rules; block known-bad ones. */
export const MIN_PASSWORD_LENGTH = 15;
export const MAX_PASSWORD_LENGTH = 256;

/** Returns the reason a password is refused, or null when it is acceptable. */
export function passwordProblem(password: string, context: { email?: string; name?: string } = {}): string | null {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH)
    return `Use at least ${MIN_PASSWORD_LENGTH} characters; a few words make a strong one.`;
  if (length > MAX_PASSWORD_LENGTH) return `Use at most ${MAX_PASSWORD_LENGTH} characters.`;
  const lower = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lower)) return "This password is on a list of commonly used passwords; choose another.";
  for (const part of [context.email, context.email?.split("@")[0], context.name]) {
    if (part && part.length >= 4 && lower.includes(part.toLowerCase()))
      return "Do not use your name or email in the password.";
  }
  return null;
}
