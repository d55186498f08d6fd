import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { BAD_CREDENTIALS, signIn } from "@/lib/services/auth/sign-in";
import { actorFromSessionClaims } from "@/lib/endpoint/resolve-actor";
import { setUserDisabled } from "@/lib/services/tenants/set-user-disabled";
import { hashPassword } from "@/lib/auth/password";
import { ACCOUNT_CEILING, ADDRESS_CEILING, PAIR_FREE_ATTEMPTS } from "@/lib/auth/login-throttle";
import { claimsOf, contextFor, demoDatabase, requestMeta } from "../helpers/test-database";
import { anonymousRefusalCount } from "../helpers/anonymous-refusals";

const prisma = await demoDatabase();
const PASSWORD = "correct-horse-battery";

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("sign-in", () => {
  it("signs a demo user in and audits it", async () => {
    const user = await signIn({ email: "Bob@Wonderland.example ", password: PASSWORD }, requestMeta("10.1.1.1"));
    const bob = await prisma.user.findUniqueOrThrow({ where: { email: "bob@wonderland.example" } });
    expect(user).toEqual({ id: bob.id, sessionVersion: bob.sessionVersion, sessionId: expect.any(String) });
    const event = await prisma.auditEvent.findFirstOrThrow({
      where: { action: "auth.sign-in", actorId: bob.id },
      orderBy: { id: "desc" },
    });
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
      const countedBefore = await anonymousRefusalCount("auth.sign-in");
      const error = await refusal(signIn({ email, password }, requestMeta("10.2.2.2")));
      expect(error.code).toBe("UNAUTHENTICATED");
      expect(error.message).toBe(BAD_CREDENTIALS);
      // A known account's failure is its tenant's (chained); an unknown account's concerns no tenant (counted).
      const chained = description === "wrong password" ? before + 1 : before;
      const counted = description === "unknown account" ? countedBefore + 1 : countedBefore;
      expect(await prisma.auditEvent.count({ where: { action: "auth.sign-in", result: "FAILED" } })).toBe(chained);
      expect(await anonymousRefusalCount("auth.sign-in")).toBe(counted);
    });
  }

  const at = (base: Date, seconds: number) => new Date(base.getTime() + seconds * 1000);
  const lastDenial = () =>
    prisma.auditEvent.findFirstOrThrow({
      where: { action: "auth.sign-in", result: "DENIED" },
      orderBy: { id: "desc" },
    });

  it("slows one (account, address) pair down after 5 failures, even for the right password, with a growing delay", async () => {
    const t0 = new Date();
    const audrey = (password: string, seconds: number) =>
      signIn({ email: "audrey@wonderland.example", password }, requestMeta("10.3.3.1"), at(t0, seconds));
    for (let attempt = 0; attempt < 5; attempt++) await refusal(audrey(`wrong-${attempt}-password`, 0));
    const error = await refusal(audrey(PASSWORD, 0.5));
    expect(error.code).toBe("TOO_MANY_REQUESTS");
    expect((await lastDenial()).reason).toBe("throttled (pair)");
    // 2^0 s after the fifth failure the pair may try again; after a sixth failure it waits 2^1 s.
    expect((await refusal(audrey("wrong-6-password", 1.1))).code).toBe("UNAUTHENTICATED");
    expect((await refusal(audrey(PASSWORD, 2.5))).code).toBe("TOO_MANY_REQUESTS");
    await expect(audrey(PASSWORD, 3.2)).resolves.toBeTruthy();
    // Success clears the pair: the next mistake is not delayed.
    expect((await refusal(audrey("wrong-7-password", 3.3))).code).toBe("UNAUTHENTICATED");
  });

  // A fixed clock from here on: on a slow machine the real one would let the growing delays pass mid-test.
  it("a stranger's failures from another address do not lock the owner out at their own address", async () => {
    const now = new Date();
    for (let attempt = 0; attempt < 12; attempt++) {
      await refusal(
        signIn(
          { email: "bob@wonderland.example", password: `wrong-${attempt}-password` },
          requestMeta("203.0.113.66"),
          now,
        ),
      );
    }
    expect(
      (await refusal(signIn({ email: "bob@wonderland.example", password: PASSWORD }, requestMeta("203.0.113.66"), now)))
        .code,
    ).toBe("TOO_MANY_REQUESTS");
    await expect(
      signIn({ email: "bob@wonderland.example", password: PASSWORD }, requestMeta("10.1.1.1"), now),
    ).resolves.toBeTruthy();
  });

  it("counts an IPv6 /64 as one address", async () => {
    const now = new Date();
    for (let attempt = 1; attempt <= 5; attempt++) {
      await refusal(
        signIn(
          { email: "allen@wonderland.example", password: "wrong-password-entirely" },
          requestMeta(`2001:db8:1:2::${attempt}`),
          now,
        ),
      );
    }
    expect(
      (
        await refusal(
          signIn({ email: "allen@wonderland.example", password: PASSWORD }, requestMeta("2001:db8:1:2:ffff::99"), now),
        )
      ).code,
    ).toBe("TOO_MANY_REQUESTS");
    await expect(
      signIn({ email: "allen@wonderland.example", password: PASSWORD }, requestMeta("2001:db8:1:3::1"), now),
    ).resolves.toBeTruthy();
  });

  it("throttles an unknown account the same way, so throttling reveals nothing", async () => {
    const now = new Date();
    for (let attempt = 0; attempt < 5; attempt++) {
      await refusal(
        signIn(
          { email: "ghost@wonderland.example", password: `wrong-${attempt}-password` },
          requestMeta("10.4.4.4"),
          now,
        ),
      );
    }
    expect(
      (await refusal(signIn({ email: "ghost@wonderland.example", password: PASSWORD }, requestMeta("10.4.4.4"), now)))
        .code,
    ).toBe("TOO_MANY_REQUESTS");
  });

  it("parallel guesses from one pair: at most 5 reach the password check", async () => {
    const now = new Date();
    const guesses = await Promise.all(
      Array.from({ length: 20 }, (_, attempt) =>
        refusal(
          signIn(
            { email: "racer@wonderland.example", password: `guess-${attempt}-password` },
            requestMeta("10.8.8.8"),
            now,
          ),
        ),
      ),
    );
    expect(guesses.filter((error) => error.code === "UNAUTHENTICATED")).toHaveLength(PAIR_FREE_ATTEMPTS);
    expect(guesses.filter((error) => error.code === "TOO_MANY_REQUESTS")).toHaveLength(20 - PAIR_FREE_ATTEMPTS);
  });

  it("throttles a source address that tries many accounts", async () => {
    for (let attempt = 0; attempt < ADDRESS_CEILING; attempt++) {
      await refusal(
        signIn(
          { email: `spray${attempt}@wonderland.example`, password: "wrong-password-entirely" },
          requestMeta("10.5.5.5"),
        ),
      );
    }
    expect(
      (await refusal(signIn({ email: "bob@wonderland.example", password: PASSWORD }, requestMeta("10.5.5.5")))).code,
    ).toBe("TOO_MANY_REQUESTS");
    expect((await lastDenial()).reason).toBe("throttled (address)");
    await expect(
      signIn({ email: "bob@wonderland.example", password: PASSWORD }, requestMeta("10.5.5.6")),
    ).resolves.toBeTruthy();
  });

  it("keeps a per-account ceiling across all addresses, and tells the account when it trips", async () => {
    const audrey = await prisma.user.findUniqueOrThrow({ where: { email: "audrey@wonderland.example" } });
    for (let attempt = 0; attempt < ACCOUNT_CEILING; attempt++) {
      const address = `198.51.${Math.floor(attempt / 200)}.${attempt % 200}`;
      await refusal(signIn({ email: audrey.email, password: "wrong-password-entirely" }, requestMeta(address)));
    }
    expect((await refusal(signIn({ email: audrey.email, password: PASSWORD }, requestMeta("10.3.9.9")))).code).toBe(
      "TOO_MANY_REQUESTS",
    );
    expect((await lastDenial()).reason).toBe("throttled (account)");
    const notice = await prisma.auditEvent.findFirstOrThrow({ where: { action: "auth.sign-in-ceiling-reached" } });
    expect(notice).toMatchObject({ tenantId: audrey.tenantId, targetId: audrey.id, actorType: "SYSTEM" });
    expect(await prisma.auditEvent.count({ where: { action: "auth.sign-in-ceiling-reached" } })).toBe(1);
  }, 300_000); // a hundred argon2 verifications: minutes on a busy PostgreSQL run

  it("ends a disabled user's existing session on the next request, and refuses their sign-in", async () => {
    const allen = await prisma.user.findUniqueOrThrow({ where: { email: "allen@wonderland.example" } });
    const session = await signIn({ email: allen.email, password: PASSWORD }, requestMeta("10.6.6.6"));
    expect(await actorFromSessionClaims(claimsOf(session))).not.toBeNull();

    await setUserDisabled(await contextFor("alice@wonderland.example"), { userId: allen.id, disabled: true });
    expect(await actorFromSessionClaims(claimsOf(session))).toBeNull();
    expect((await refusal(signIn({ email: allen.email, password: PASSWORD }, requestMeta("10.6.6.7")))).message).toBe(
      BAD_CREDENTIALS,
    );

    // Re-enabling does not revive the old session: its version is gone for good.
    await setUserDisabled(await contextFor("alice@wonderland.example"), { userId: allen.id, disabled: false });
    expect(await actorFromSessionClaims(claimsOf(session))).toBeNull();
  });
});
