import { AppError } from "@/lib/errors";

/** The one message for an unknown account, a wrong password and a disabled account: it reveals nothing. */
export const BAD_CREDENTIALS = "The email or password is incorrect.";

/**
 * Every sign-in failure a browser may learn of. next-auth puts authorize()'s error message into the
 * /login?error= URL, so authorize() throws only these codes and the login form shows only these messages:
 * nothing from a database error, a stack or a service's wording ever reaches the client.
 */
export const SIGN_IN_ERRORS = {
  CredentialsSignin: BAD_CREDENTIALS,
  Throttled: "Too many failed sign-ins. Wait a little and try again.",
  Unavailable: "Sign-in is unavailable right now. Try again in a moment.",
} as const;

export type SignInErrorCode = keyof typeof SIGN_IN_ERRORS;

/** The fixed code for whatever the sign-in service threw. */
export function signInErrorCode(error: unknown): SignInErrorCode {
  if (error instanceof AppError && error.code === "UNAUTHENTICATED") return "CredentialsSignin";
  if (error instanceof AppError && error.code === "TOO_MANY_REQUESTS") return "Throttled";
  return "Unavailable";
}

/** The message for an error code read from the URL (anyone can write one there). */
export function signInErrorMessage(code: string | null | undefined): string {
  return code && Object.hasOwn(SIGN_IN_ERRORS, code)
    ? SIGN_IN_ERRORS[code as SignInErrorCode]
    : SIGN_IN_ERRORS.Unavailable;
}
