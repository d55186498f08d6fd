import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { AuditResult } from "@/lib/generated/prisma/enums";
import { auditWhoOf, recordAuditEvent } from "@/lib/audit/record-audit-event";
import { runEndpoint } from "@/lib/endpoint/run-endpoint";
import { auditActivity, auditActivityEndpoint } from "@/lib/services/audit/audit-activity";
import { itRefuses, type RefusalCase } from "../helpers/refusal-table";
import { contextFor, demoDatabase, requestMeta } from "../helpers/test-database";

const prisma = await demoDatabase();

/** "Now" for the counting cases: years after the demo's own events, so only the events below fall in the window. */
const NOW = "2031-03-15T12:00:00.000Z";

/** Events recorded at known times: [at, whose account (by a user of it), result]. */
const EVENTS: [string, string, AuditResult][] = [
  ["2031-03-15T00:00:00.000Z", "alice@wonderland.example", "SUCCESS"], // today, its first instant
  ["2031-03-15T11:59:00.000Z", "bob@wonderland.example", "DENIED"],
  ["2031-03-14T23:59:59.999Z", "alice@wonderland.example", "SUCCESS"], // yesterday's last instant
  ["2031-03-14T08:00:00.000Z", "allen@wonderland.example", "FAILED"],
  ["2031-03-10T10:00:00.000Z", "allen@wonderland.example", "DENIED"],
  ["2031-03-10T10:00:01.000Z", "allen@wonderland.example", "DENIED"],
  ["2031-02-14T00:00:00.000Z", "alice@wonderland.example", "SUCCESS"], // the window's first instant (29 days ago)
  ["2031-02-13T23:59:59.999Z", "alice@wonderland.example", "SUCCESS"], // 30 days ago: outside
  ["2031-02-12T12:00:00.000Z", "bob@wonderland.example", "DENIED"], // 31 days ago: outside
  ["2031-03-16T00:00:00.000Z", "alice@wonderland.example", "SUCCESS"], // tomorrow (a skewed clock): outside
  ["2031-03-15T09:00:00.000Z", "sam@secretgarden.example", "DENIED"],
  ["2031-03-15T09:00:01.000Z", "sam@secretgarden.example", "DENIED"],
  ["2031-03-15T09:00:02.000Z", "sam@secretgarden.example", "DENIED"],
  ["2031-03-12T09:00:00.000Z", "sam@secretgarden.example", "SUCCESS"],
];

const zeros = { success: 0, denied: 0, failed: 0 };
const WONDERLAND_DAYS = {
  "2031-03-15": { success: 1, denied: 1, failed: 0 },
  "2031-03-14": { success: 1, denied: 0, failed: 1 },
  "2031-03-13": zeros,
  "2031-03-12": zeros,
  "2031-03-10": { success: 0, denied: 2, failed: 0 },
  "2031-02-14": { success: 1, denied: 0, failed: 0 },
};

const COUNTING_CASES = [
  {
    description: "the account owner sees her account's days",
    reader: "alice@wonderland.example",
    days: 30,
    first: "2031-02-14",
    total: 7,
    denied: 3,
    expected: WONDERLAND_DAYS,
  },
  {
    description: "the auditor sees the same numbers",
    reader: "audrey@wonderland.example",
    days: 30,
    first: "2031-02-14",
    total: 7,
    denied: 3,
    expected: WONDERLAND_DAYS,
  },
  {
    description: "a 7-day window starts six days before today",
    reader: "audrey@wonderland.example",
    days: 7,
    first: "2031-03-09",
    total: 6,
    denied: 3,
    expected: {
      "2031-03-09": zeros,
      "2031-03-10": { success: 0, denied: 2, failed: 0 },
      "2031-03-15": { success: 1, denied: 1, failed: 0 },
    },
  },
  {
    description: "the other account's owner sees only his account's events",
    reader: "sam@secretgarden.example",
    days: 30,
    first: "2031-02-14",
    total: 4,
    denied: 3,
    expected: {
      "2031-03-15": { success: 0, denied: 3, failed: 0 },
      "2031-03-14": zeros,
      "2031-03-12": { success: 1, denied: 0, failed: 0 },
      "2031-03-10": zeros,
    },
  },
] as const;

describe("audit activity: events per UTC day and result", () => {
  beforeAll(async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    for (const [at, email, result] of EVENTS) {
      vi.setSystemTime(new Date(at));
      const ctx = await contextFor(email);
      await prisma.$transaction((tx) =>
        recordAuditEvent(tx, auditWhoOf(ctx.actor), ctx.request, { action: "test.activity", result }),
      );
    }
    vi.setSystemTime(new Date(NOW));
  });
  afterAll(() => {
    vi.useRealTimers();
  });

  for (const testCase of COUNTING_CASES) {
    it(testCase.description, async () => {
      const activity = await auditActivity(await contextFor(testCase.reader), { days: testCase.days });
      expect(activity.days).toHaveLength(testCase.days);
      expect(activity.days[0]?.day).toBe(testCase.first);
      expect(activity.days.at(-1)?.day).toBe("2031-03-15");
      for (const [day, counts] of Object.entries(testCase.expected)) {
        expect(
          activity.days.find((entry) => entry.day === day),
          day,
        ).toEqual({ day, ...counts });
      }
      expect(activity.total).toBe(testCase.total);
      expect(activity.denied).toBe(testCase.denied);
      const summed = activity.days.reduce((sum, entry) => sum + entry.success + entry.denied + entry.failed, 0);
      expect(summed).toBe(testCase.total);
    });
  }

  it("lists every day once, consecutive and oldest first", async () => {
    const { days } = await auditActivity(await contextFor("audrey@wonderland.example"), { days: 90 });
    expect(days).toHaveLength(90);
    for (let index = 1; index < days.length; index += 1) {
      const step = Date.parse(`${days[index]?.day}T00:00:00Z`) - Date.parse(`${days[index - 1]?.day}T00:00:00Z`);
      expect(step).toBe(86_400_000);
    }
  });
});

const REFUSAL_CASES: {
  description: string;
  caller: string | null;
  input: Record<string, unknown>;
  code: RefusalCase["code"];
  field?: string;
}[] = [
  { description: "no session", caller: null, input: {}, code: "UNAUTHENTICATED" },
  {
    description: "an ordinary member (no audit permission)",
    caller: "allen@wonderland.example",
    input: {},
    code: "FORBIDDEN",
  },
  {
    description: "a project Admin who is not an auditor",
    caller: "bob@wonderland.example",
    input: {},
    code: "FORBIDDEN",
  },
  {
    description: "a window shorter than a week",
    caller: "audrey@wonderland.example",
    input: { days: 6 },
    code: "INVALID_INPUT",
    field: "days",
  },
  {
    description: "a window longer than 90 days",
    caller: "audrey@wonderland.example",
    input: { days: 91 },
    code: "INVALID_INPUT",
    field: "days",
  },
  {
    description: "a fractional number of days",
    caller: "audrey@wonderland.example",
    input: { days: 7.5 },
    code: "INVALID_INPUT",
    field: "days",
  },
];

describe("audit activity through the one door", () => {
  itRefuses(
    REFUSAL_CASES.map(({ caller, ...testCase }) => ({ ...testCase, who: caller, endpoint: auditActivityEndpoint })),
    () =>
      prisma.auditEvent.findMany({
        where: { action: { not: "audit.activity" } },
        orderBy: { id: "asc" },
        select: { id: true },
      }),
  );

  it("refuses allen calling the service directly too (the service checks, not only the door)", async () => {
    await expect(auditActivity(await contextFor("allen@wonderland.example"), { days: 30 })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("the auditor gets 30 days by default, today last, agreeing with a plain count of the account's rows", async () => {
    const audrey = (await contextFor("audrey@wonderland.example")).actor;
    const result = await runEndpoint(auditActivityEndpoint, audrey, requestMeta(), {});
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const today = new Date().toISOString().slice(0, 10);
    expect(result.data.days).toHaveLength(30);
    expect(result.data.days.at(-1)?.day).toBe(today);
    const todayStart = Date.parse(`${today}T00:00:00Z`);
    // Bounded above too: the counting cases recorded events in 2031.
    const inWindow = {
      chainId: audrey.tenantId,
      at: { gte: new Date(todayStart - 29 * 86_400_000), lt: new Date(todayStart + 86_400_000) },
    };
    expect(result.data.total).toBe(await prisma.auditEvent.count({ where: inWindow }));
    expect(result.data.denied).toBe(await prisma.auditEvent.count({ where: { ...inWindow, result: "DENIED" } }));
    expect(result.data.total).toBeGreaterThan(0);
  });
});
