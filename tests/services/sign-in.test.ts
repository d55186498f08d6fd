import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { BAD_CREDENTIALS, signIn } from "@/lib/services/auth/sign-in";
import { actorFromSessionClaims } from "@/lib/endpoint/resolve-actor";
import { setUserDisabled } from "@/lib/services/tenants/set-user-disabled";
import { hashPassword } from "@/lib/auth/password";
import { contextFor, demoDatabase, requestMeta } from "../helpers/test-database";

const prisma = await demoDatabase();
const PASSWORD = "correct-horse-battery";

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("sign-in", () => {
  it("signs a demo user in and audits it", async () => {
    const user = await signIn({ email: "Bob@Wonderland.example ", password: PASSWORD }, requestMeta("10.1.1.1"));
    const bob = await prisma.user.findUniqueOrThrow({ where: { email: "bob@wonderland.example" } });
    expect(user).toEqual({ id: bob.id, sessionVersion: bob.sessionVersion });
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { action: "auth.sign-in", actorId: bob.id }, orderBy: { seq: "desc" } });
    expect(event.result).toBe("SUCCESS");
    expect(event.sourceIp).toBe("10.1.1.1");
  });

  it("stores argon2id hashes with m=19456, t=2, p=1", async () => {
    expect(await hashPassword("a long enough passphrase")).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  const sameAnswerCases = [
    { description: "wrong password", email: "allen@wonderland.example", password: "wrong-password-entirely" },
    { description: "unknown account", email: "nobody@wonderland.example", password: PASSWORD },
    { description: "malformed email", email: "not-an-email", password: PASSWORD },
  ];
  for (const { description, email, password } of sameAnswerCases) {
    it(`answers a ${description} with the one message, and audits the failure`, async () => {
      const before = await prisma.auditEvent.count({ where: { action: "auth.sign-in", result: "FAILED" } });
      const error = await refusal(signIn({ email, password }, requestMeta("10.2.2.2")));
      expect(error.code).toBe("UNAUTHENTICATED");
      expect(error.message).toBe(BAD_CREDENTIALS);
      const expected = description === "malformed email" ? before : before + 1;
      expect(await prisma.auditEvent.count({ where: { action: "auth.sign-in", result: "FAILED" } })).toBe(expected);
    });
  }

  it("locks an account after 5 failures, even for the right password, and says so", async () => {
    for (let attempt = 0; attempt < 5; attempt++) {
      await refusal(signIn({ email: "audrey@wonderland.example", password: `wrong-${attempt}-password` }, requestMeta(`10.3.3.${attempt}`)));
    }
    const error = await refusal(signIn({ email: "audrey@wonderland.example", password: PASSWORD }, requestMeta("10.3.3.9")));
    expect(error.code).toBe("TOO_MANY_REQUESTS");
    const denied = await prisma.auditEvent.findFirstOrThrow({ where: { action: "auth.sign-in", result: "DENIED" }, orderBy: { seq: "desc" } });
    expect(denied.reason).toBe("throttled");
  });

  it("locks an unknown account the same way, so locking reveals nothing", async () => {
    for (let attempt = 0; attempt < 5; attempt++) {
      await refusal(signIn({ email: "ghost@wonderland.example", password: `wrong-${attempt}-password` }, requestMeta(`10.4.4.${attempt}`)));
    }
    expect((await refusal(signIn({ email: "ghost@wonderland.example", password: PASSWORD }, requestMeta("10.4.4.9")))).code).toBe("TOO_MANY_REQUESTS");
  });

  it("throttles a source address that tries many accounts", async () => {
    for (let attempt = 0; attempt < 50; attempt++) {
      await refusal(signIn({ email: `spray${attempt}@wonderland.example`, password: "wrong-password-entirely" }, requestMeta("10.5.5.5")));
    }
    expect((await refusal(signIn({ email: "bob@wonderland.example", password: PASSWORD }, requestMeta("10.5.5.5")))).code).toBe("TOO_MANY_REQUESTS");
    await expect(signIn({ email: "bob@wonderland.example", password: PASSWORD }, requestMeta("10.5.5.6"))).resolves.toBeTruthy();
  });

  it("ends a disabled user's existing session on the next request, and refuses their sign-in", async () => {
    const allen = await prisma.user.findUniqueOrThrow({ where: { email: "allen@wonderland.example" } });
    const session = await signIn({ email: allen.email, password: PASSWORD }, requestMeta("10.6.6.6"));
    expect(await actorFromSessionClaims(session.id, session.sessionVersion)).not.toBeNull();

    await setUserDisabled(await contextFor("alice@wonderland.example"), { userId: allen.id, disabled: true });
    expect(await actorFromSessionClaims(session.id, session.sessionVersion)).toBeNull();
    expect((await refusal(signIn({ email: allen.email, password: PASSWORD }, requestMeta("10.6.6.7")))).message).toBe(BAD_CREDENTIALS);

    // Re-enabling does not revive the old session: its version is gone for good.
    await setUserDisabled(await contextFor("alice@wonderland.example"), { userId: allen.id, disabled: false });
    expect(await actorFromSessionClaims(session.id, session.sessionVersion)).toBeNull();
  });
});
