import { describe, expect, it } from "vitest";
import {
  ABSOLUTE_LIFETIME_MS,
  ADMIN_IDLE_MS,
  MEMBER_IDLE_MS,
  judgeSession,
  type SessionVerdict,
} from "./session-lifetime";

const SIGNED_IN = new Date("2026-12-07T08:00:00Z");
const MINUTE = 60_000;
const after = (ms: number) => new Date(SIGNED_IN.getTime() + ms);

const CASES: {
  description: string;
  lastSeen: number;
  now: number;
  revoked?: true;
  admin: boolean;
  verdict: SessionVerdict;
}[] = [
  { description: "fresh", lastSeen: 0, now: 30_000, admin: true, verdict: { live: true, touch: false } },
  {
    description: "used a while ago is touched",
    lastSeen: 0,
    now: 5 * MINUTE,
    admin: true,
    verdict: { live: true, touch: true },
  },
  {
    description: "revoked (signed out)",
    lastSeen: 0,
    now: 1,
    revoked: true,
    admin: false,
    verdict: { live: false, reason: "revoked" },
  },
  {
    description: "an admin idle 30 minutes",
    lastSeen: 0,
    now: ADMIN_IDLE_MS,
    admin: true,
    verdict: { live: false, reason: "idle" },
  },
  {
    description: "a member idle 30 minutes",
    lastSeen: 0,
    now: ADMIN_IDLE_MS,
    admin: false,
    verdict: { live: true, touch: true },
  },
  {
    description: "a member idle 2 hours",
    lastSeen: MINUTE,
    now: MINUTE + MEMBER_IDLE_MS,
    admin: false,
    verdict: { live: false, reason: "idle" },
  },
  {
    description: "an active admin just before 12 hours",
    lastSeen: ABSOLUTE_LIFETIME_MS - 2 * MINUTE,
    now: ABSOLUTE_LIFETIME_MS - 1,
    admin: true,
    verdict: { live: true, touch: true },
  },
  {
    description: "an active session at 12 hours, however recently used",
    lastSeen: ABSOLUTE_LIFETIME_MS - 1,
    now: ABSOLUTE_LIFETIME_MS,
    admin: false,
    verdict: { live: false, reason: "expired" },
  },
];

describe("judgeSession", () => {
  for (const testCase of CASES) {
    it(testCase.description, async () => {
      const session = {
        createdAt: SIGNED_IN,
        lastSeenAt: after(testCase.lastSeen),
        revokedAt: testCase.revoked ? SIGNED_IN : null,
      };
      expect(await judgeSession(session, after(testCase.now), () => testCase.admin)).toEqual(testCase.verdict);
    });
  }

  it("asks whether the user administers only when the session was idle past the admins' timeout", async () => {
    let asked = 0;
    const ask = () => (asked++, true);
    await judgeSession({ createdAt: SIGNED_IN, lastSeenAt: SIGNED_IN, revokedAt: null }, after(10 * MINUTE), ask);
    expect(asked).toBe(0);
    await judgeSession({ createdAt: SIGNED_IN, lastSeenAt: SIGNED_IN, revokedAt: null }, after(40 * MINUTE), ask);
    expect(asked).toBe(1);
  });
});
