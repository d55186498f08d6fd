import { beforeEach, describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/errors";

const signIn = vi.hoisted(() => vi.fn());
vi.mock("@/lib/services/auth/sign-in", () => ({ signIn }));

const { authOptions } = await import("./auth-options");
const { SIGN_IN_ERRORS, signInErrorMessage } = await import("./sign-in-errors");

/** next-auth's credentials provider keeps our authorize() under options; its message becomes /login?error=. */
const authorize = (
  authOptions.providers[0] as unknown as { options: { authorize: (...args: unknown[]) => Promise<unknown> } }
).options.authorize;

async function redirectedError(thrown: unknown): Promise<string> {
  signIn.mockRejectedValueOnce(thrown);
  const error = await authorize({ email: "bob@wonderland.example", password: "x" }, { headers: {} }).then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(Error);
  return (error as Error).message;
}

const CASES = [
  {
    description: "a wrong password",
    thrown: new AppError("UNAUTHENTICATED", "The email or password is incorrect."),
    code: "CredentialsSignin",
  },
  {
    description: "throttling, whatever its wording",
    thrown: new AppError("TOO_MANY_REQUESTS", "Try again in 7 minutes (attempt 12 of account x)."),
    code: "Throttled",
  },
  {
    description: "a database failure",
    thrown: new Error('relation "users" does not exist at postgres://sc:secret@db:5432'),
    code: "Unavailable",
  },
  {
    description: "another coded error",
    thrown: new AppError("INTERNAL", "audit chain head 5f3a… mismatch"),
    code: "Unavailable",
  },
  { description: "a thrown non-error", thrown: "ECONNREFUSED 10.0.0.5", code: "Unavailable" },
];

describe("sign-in errors reaching the login redirect", () => {
  beforeEach(() => {
    signIn.mockReset();
    vi.spyOn(console, "error").mockImplementation(() => {}); // the internal error is logged on the server only
  });
  for (const { description, thrown, code } of CASES) {
    it(`${description} leaves as the fixed code ${code}`, async () => {
      expect(await redirectedError(thrown)).toBe(code);
    });
  }

  it("the login form shows a fixed message for any error code, known or forged", () => {
    for (const code of Object.keys(SIGN_IN_ERRORS))
      expect(signInErrorMessage(code)).toBe(SIGN_IN_ERRORS[code as keyof typeof SIGN_IN_ERRORS]);
    expect(signInErrorMessage("<script>alert(1)</script> database password is hunter2")).toBe(
      SIGN_IN_ERRORS.Unavailable,
    );
    expect(signInErrorMessage("toString")).toBe(SIGN_IN_ERRORS.Unavailable);
  });
});
