import { describe, expect, it } from "vitest";
import { signIn, type SignedInUser } from "@/lib/services/auth/sign-in";
import { recordSignOut } from "@/lib/services/auth/record-sign-out";
import { signOutEverywhereEndpoint } from "@/lib/services/auth/sign-out-everywhere";
import { changePasswordEndpoint } from "@/lib/services/auth/change-password";
import { actorFromSessionClaims } from "@/lib/endpoint/resolve-actor";
import { runEndpoint } from "@/lib/endpoint/run-endpoint";
import { ABSOLUTE_LIFETIME_MS, ADMIN_IDLE_MS, MEMBER_IDLE_MS } from "@/lib/auth/session-lifetime";
import { claimsOf, demoDatabase, requestMeta } from "../helpers/test-database";

const prisma = await demoDatabase();
const PASSWORD = "correct-horse-battery";
const MINUTE = 60_000;

let address = 0;
/** Each sign-in from an address of its own: these tests are about sessions, not the throttle. */
const signInAs = (email: string, now = new Date()) =>
  signIn({ email, password: PASSWORD }, requestMeta(`10.20.0.${++address}`), now);
const later = (start: Date, ms: number) => new Date(start.getTime() + ms);
const actorAt = (session: SignedInUser, now: Date, touch = true) =>
  actorFromSessionClaims(claimsOf(session), { now, touch });

describe("console sessions", () => {
  it("a cookie captured before sign-out is refused after it; the user's other browsers stay signed in", async () => {
    const laptop = await signInAs("allen@wonderland.example");
    const phone = await signInAs("allen@wonderland.example");
    expect(await actorFromSessionClaims(claimsOf(laptop))).not.toBeNull();

    await recordSignOut(claimsOf(laptop), requestMeta());
    expect(await actorFromSessionClaims(claimsOf(laptop))).toBeNull();
    expect(await actorFromSessionClaims(claimsOf(phone))).toMatchObject({ email: "allen@wonderland.example" });
    const event = await prisma.auditEvent.findFirstOrThrow({
      where: { action: "auth.sign-out" },
      orderBy: { id: "desc" },
    });
    expect(event).toMatchObject({ actorId: laptop.id, targetId: laptop.sessionId });
  });

  it("sign out everywhere ends every session of the caller, audited, and nobody else's", async () => {
    const first = await signInAs("bob@wonderland.example");
    const second = await signInAs("bob@wonderland.example");
    const alice = await signInAs("alice@wonderland.example");
    const bob = (await actorFromSessionClaims(claimsOf(first)))!;

    const result = await runEndpoint(signOutEverywhereEndpoint, bob, requestMeta(), {});
    expect(result.ok).toBe(true);
    expect(await actorFromSessionClaims(claimsOf(first))).toBeNull();
    expect(await actorFromSessionClaims(claimsOf(second))).toBeNull();
    expect(await actorFromSessionClaims(claimsOf(alice))).not.toBeNull();
    const event = await prisma.auditEvent.findFirstOrThrow({
      where: { action: "auth.sign-out-everywhere" },
      orderBy: { id: "desc" },
    });
    expect(event).toMatchObject({ actorId: bob.userId, result: "SUCCESS" });
    expect(event.after).toMatchObject({ sessionsEnded: expect.any(Number) });
  });

  it("refuses claims that name no session, another user's session, or a forged id", async () => {
    const allen = await signInAs("allen@wonderland.example");
    const bob = await signInAs("bob@wonderland.example");
    const CLAIMS = [
      { uid: allen.id, sv: allen.sessionVersion },
      { uid: allen.id, sv: allen.sessionVersion, sid: bob.sessionId },
      { uid: allen.id, sv: allen.sessionVersion, sid: "00000000-0000-4000-8000-000000000000" },
      { uid: allen.id, sv: allen.sessionVersion, sid: "not-a-uuid'; --" },
      { uid: allen.id, sv: allen.sessionVersion + 1, sid: allen.sessionId },
    ];
    for (const claims of CLAIMS) expect(await actorFromSessionClaims(claims), JSON.stringify(claims)).toBeNull();
  });

  it("ends at 12 hours after sign-in however active it stays (renewal cannot extend it)", async () => {
    const signedIn = new Date();
    const session = await signInAs("allen@wonderland.example", signedIn);
    // Active every 110 minutes (inside a member's 2-hour idle timeout) for almost 12 hours.
    let now = signedIn;
    while (now.getTime() + 110 * MINUTE < signedIn.getTime() + ABSOLUTE_LIFETIME_MS) {
      now = later(now, 110 * MINUTE);
      expect(await actorAt(session, now), now.toISOString()).not.toBeNull();
    }
    expect(await actorAt(session, later(signedIn, ABSOLUTE_LIFETIME_MS))).toBeNull();
  });

  it("ends an administrator's session after 30 idle minutes, an ordinary member's after 2 hours", async () => {
    const start = new Date();
    const bob = await signInAs("bob@wonderland.example", start); // WonderLand's Admin
    const allen = await signInAs("allen@wonderland.example", start); // an ordinary member
    expect(await actorAt(bob, later(start, 29 * MINUTE))).not.toBeNull();
    expect(await actorAt(bob, later(start, 58 * MINUTE))).not.toBeNull(); // idle 29 minutes since the last request
    expect(await actorAt(bob, later(start, 58 * MINUTE + ADMIN_IDLE_MS))).toBeNull();

    expect(await actorAt(allen, later(start, 45 * MINUTE))).not.toBeNull();
    expect(await actorAt(allen, later(start, 45 * MINUTE + MEMBER_IDLE_MS - MINUTE))).not.toBeNull();
    expect(await actorAt(allen, later(start, 45 * MINUTE + 2 * MEMBER_IDLE_MS))).toBeNull();
  });

  it("background polls do not keep an idle session open", async () => {
    const start = new Date();
    const audrey = await signInAs("audrey@wonderland.example", start); // the account's auditor: a tenant role
    expect(await actorAt(audrey, later(start, 20 * MINUTE), false)).not.toBeNull();
    expect(await actorAt(audrey, later(start, 35 * MINUTE), false)).toBeNull();
  });

  it("changing one's own password needs the current one, is throttled like sign-in, and ends every session", async () => {
    const session = await signInAs("allen@wonderland.example");
    const allen = (await actorFromSessionClaims(claimsOf(session)))!;
    const NEW = "a-brand-new-long-passphrase";
    const change = (currentPassword: string, from = "10.30.0.1") =>
      runEndpoint(changePasswordEndpoint, allen, requestMeta(from), { currentPassword, newPassword: NEW });

    const wrong = await change("not-my-password-at-all");
    expect(wrong.ok).toBe(false);
    if (!wrong.ok) expect(wrong.error.fieldErrors?.currentPassword?.[0]).toMatch(/current password/);
    const failed = await prisma.auditEvent.findFirstOrThrow({
      where: { action: "user.change-password" },
      orderBy: { id: "desc" },
    });
    expect(failed.result).toBe("FAILED");
    expect(JSON.stringify({ ...failed, id: String(failed.id), seq: String(failed.seq) })).not.toContain(NEW);

    for (let attempt = 0; attempt < 4; attempt++) await change(`wrong-guess-${attempt}-password`);
    const throttled = await change(PASSWORD);
    expect(throttled.ok ? null : throttled.error.code).toBe("TOO_MANY_REQUESTS");

    expect((await change(PASSWORD, "10.30.0.2")).ok).toBe(true);
    expect(await actorFromSessionClaims(claimsOf(session))).toBeNull();
    await expect(
      signIn({ email: "allen@wonderland.example", password: NEW }, requestMeta("10.30.0.3")),
    ).resolves.toBeTruthy();
  });
});
