// An audit verification is a persisted run (lib/audit/verification-runs): walked in pages whose progress is
// saved, resumed by another runner when its own dies (never from zero, never by two at once), its verdict
// recorded once; POST /api/v1/audit/verify answers 202 while it runs, GET /api/v1/audit/verify/{runId} follows it.
// The concurrency cases are real on PostgreSQL: npm run test:pg -- tests/services/audit-verification-runs.test.ts
import { describe, expect, it } from "vitest";

import { auditWhoOf } from "@/lib/audit/record-audit-event";
import {
  advanceVerificationRun,
  claimVerificationRun,
  MAX_ATTEMPTS,
} from "@/lib/audit/verification-runs/run-verification";
import { startOrJoinVerificationRun } from "@/lib/audit/verification-runs/start-verification-run";
import { runVerificationTick } from "@/lib/audit/verification-runs/verification-runner";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { runEndpoint } from "@/lib/endpoint/run-endpoint";
import { getAuditVerificationEndpoint } from "@/lib/services/audit/get-audit-verification";
import { listAuditVerificationsEndpoint } from "@/lib/services/audit/list-audit-verifications";
import { verifyTenantAuditChainEndpoint } from "@/lib/services/audit/verify-tenant-audit-chain";
import { createProject } from "@/lib/services/projects/create-project";
import { tamperWith } from "../helpers/audit-tampering";
import { itRefuses } from "../helpers/refusal-table";
import { contextFor, demoDatabase, requestMeta } from "../helpers/test-database";

const prisma = await demoDatabase();
const tenantOf = async (name: string) => (await prisma.tenant.findUniqueOrThrow({ where: { name } })).id;
const wonderland = await tenantOf("wonderland");
const secretgarden = await tenantOf("secretgarden");
// Chains of a few pages of two events each.
for (const name of ["Run_one", "Run_two", "Run_three", "Run_four"]) {
  await createProject(await contextFor("alice@wonderland.example"), { name: `Wonder_${name}`, description: "" });
  await createProject(await contextFor("sam@secretgarden.example"), { name: `Garden_${name}`, description: "" });
}

const call = async (email: string | null, endpoint: Parameters<typeof runEndpoint>[0], input = {}) =>
  runEndpoint(endpoint, email ? (await contextFor(email)).actor : null, requestMeta(), input);
/** A run started as audrey would start it, without walking it (the request's part). */
const startRun = async (email = "audrey@wonderland.example") => {
  const ctx = await contextFor(email);
  return startOrJoinVerificationRun(ctx.actor.tenantId, auditWhoOf(ctx.actor), ctx.request);
};
const verdictEvents = (chainId: string) => prisma.auditEvent.count({ where: { chainId, action: "audit.verify" } });
const headSeqOf = async (chainId: string) =>
  (await prisma.auditChainHead.findUniqueOrThrow({ where: { chainId } })).lastSeq;
/** A clock past every lease taken now: the runner that holds one is taken for dead. */
const afterLeases = () => new Date(Date.now() + 10 * 60_000);
const PAGE = { pages: 1, pageEvents: 2 };

describe("audit verification runs", () => {
  it("two verify requests at once join one run: one runId, one verdict recorded", async () => {
    const before = await verdictEvents(wonderland);
    const [first, second] = await Promise.all([
      call("audrey@wonderland.example", verifyTenantAuditChainEndpoint),
      call("alice@wonderland.example", verifyTenantAuditChainEndpoint),
    ]);
    expect(first).toMatchObject({ ok: true, data: { ok: true } });
    expect(second).toEqual(first);
    expect(await verdictEvents(wonderland)).toBe(before + 1);
  });

  it.each([
    ["the run named", true],
    ["any run due", false],
  ])("eight claims at once of %s: exactly one gets it", async (_, named) => {
    const run = await startRun();
    const claims = await Promise.all(
      Array.from({ length: 8 }, () => claimVerificationRun(named ? { runId: run.id } : {})),
    );
    const holders = claims.filter((claim) => claim !== null);
    expect(holders.map((claim) => claim.run.id)).toEqual([run.id]);
    expect((await advanceVerificationRun(holders[0]!, { pages: Number.POSITIVE_INFINITY })).outcome).toBe("finished");
  });

  it("a verify request that finds the run held answers 202 with its progress; GET then shows PASSED", async () => {
    const run = await startRun();
    const holder = await claimVerificationRun({ runId: run.id });
    expect(holder).not.toBeNull();
    const answer = await call("alice@wonderland.example", verifyTenantAuditChainEndpoint);
    expect(answer).toEqual({
      ok: true,
      data: { runId: run.id, status: "RUNNING", checked: 0, headSeq: run.headSeq.toString() },
    });
    expect(answer.ok && verifyTenantAuditChainEndpoint.successStatus?.(answer.data as never)).toBe(202);
    // The holder dies; the runner resumes the run once its lease lapses.
    expect(await runVerificationTick(afterLeases())).toBeGreaterThan(0);
    expect(await call("audrey@wonderland.example", getAuditVerificationEndpoint, { runId: run.id })).toMatchObject({
      ok: true,
      data: {
        runId: run.id,
        status: "PASSED",
        ok: true,
        checked: Number(run.headSeq),
        reachedSeq: run.headSeq.toString(),
        headSeq: run.headSeq.toString(),
        requestedBy: expect.any(String),
        finishedAt: expect.any(String),
      },
    });
  });

  it.each(["alice@wonderland.example", "audrey@wonderland.example"])(
    "%s reads the tenant's runs, newest first, and one run by id",
    async (email) => {
      const list = await call(email, listAuditVerificationsEndpoint, { page: "1", pageSize: "2" });
      if (!list.ok) throw new Error(JSON.stringify(list));
      const { items, total } = list.data as { items: { runId: string; startedAt: string }[]; total: number };
      expect(total).toBe(await prisma.auditVerificationRun.count({ where: { tenantId: wonderland } }));
      expect(items[0]!.startedAt >= items[1]!.startedAt).toBe(true);
      expect(await call(email, getAuditVerificationEndpoint, { runId: items[0]!.runId })).toMatchObject({
        ok: true,
        data: { runId: items[0]!.runId },
      });
    },
  );

  const wonderlandRun = async () => ({
    runId: (await prisma.auditVerificationRun.findFirstOrThrow({ where: { tenantId: wonderland } })).id,
  });
  itRefuses(
    [
      {
        description: "allen is no auditor",
        who: "allen@wonderland.example",
        endpoint: getAuditVerificationEndpoint,
        input: wonderlandRun,
        code: "FORBIDDEN",
      },
      {
        description: "another tenant's run is not found, even to its owner",
        who: "sam@secretgarden.example",
        endpoint: getAuditVerificationEndpoint,
        input: wonderlandRun,
        code: "NOT_FOUND",
      },
      {
        description: "no session",
        who: null,
        endpoint: getAuditVerificationEndpoint,
        input: wonderlandRun,
        code: "UNAUTHENTICATED",
      },
      {
        description: "not a run id",
        who: "audrey@wonderland.example",
        endpoint: getAuditVerificationEndpoint,
        input: { runId: "1" },
        code: "INVALID_INPUT",
        field: "runId",
      },
      {
        description: "allen is no auditor",
        who: "allen@wonderland.example",
        endpoint: listAuditVerificationsEndpoint,
        input: {},
        code: "FORBIDDEN",
      },
      {
        description: "no session",
        who: null,
        endpoint: listAuditVerificationsEndpoint,
        input: {},
        code: "UNAUTHENTICATED",
      },
    ],
    () => prisma.auditVerificationRun.findMany({ orderBy: { id: "asc" } }),
  );

  it("another tenant's list holds only its own runs", async () => {
    const list = await call("sam@secretgarden.example", listAuditVerificationsEndpoint);
    expect(list).toEqual({ ok: true, data: { items: [], total: 0, page: 1, pageSize: 10 } });
  });

  it(`a run claimed ${MAX_ATTEMPTS + 1} times without saving progress is abandoned, and that recorded once`, async () => {
    const run = await startRun();
    const before = await verdictEvents(wonderland);
    let now = Date.now();
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
      now += 10 * 60_000;
      expect(await claimVerificationRun({ now: new Date(now) }), `attempt ${attempt}`).not.toBeNull();
    }
    await runVerificationTick(new Date(now + 10 * 60_000));
    expect(await prisma.auditVerificationRun.findUniqueOrThrow({ where: { id: run.id } })).toMatchObject({
      status: "ABANDONED",
      problem: expect.stringMatching(/abandoned/),
    });
    expect(await verdictEvents(wonderland)).toBe(before + 1);
  });

  // Last for wonderland: the tampered case breaks its chain for good (this file's database only).
  it.each([
    { chain: "intact", tamperAt: null, status: "PASSED" },
    { chain: "tampered after the first page", tamperAt: 4n, status: "FAILED" },
  ])(
    "a run over the $chain chain, interrupted after one page, is resumed by a fresh runner: $status as one walk",
    async ({ tamperAt, status }) => {
      if (tamperAt !== null) await tamperWith(wonderland, tamperAt);
      const head = await headSeqOf(wonderland);
      const oneWalk = await verifyAuditChain(prisma, wonderland);
      const before = await verdictEvents(wonderland);
      const run = await startRun();
      const first = await claimVerificationRun({ runId: run.id });
      expect(await advanceVerificationRun(first!, PAGE)).toEqual({ outcome: "paused", pages: 1 });
      expect(await prisma.auditVerificationRun.findUniqueOrThrow({ where: { id: run.id } })).toMatchObject({
        checked: 2n,
        reachedSeq: 2n,
      });
      // A second runner takes it and dies holding it; a fresh one resumes it when the lease lapses.
      const dead = await claimVerificationRun({ runId: run.id });
      expect(await claimVerificationRun({ runId: run.id })).toBeNull();
      await runVerificationTick(afterLeases());
      const finished = await prisma.auditVerificationRun.findUniqueOrThrow({ where: { id: run.id } });
      expect(finished).toMatchObject({
        status,
        checked: BigInt(oneWalk.checked),
        headSeq: head,
        firstBadSeq: oneWalk.ok ? null : oneWalk.firstBadSeq,
      });
      if (oneWalk.ok) expect(oneWalk.checked).toBe(Number(head));
      // The dead runner's claim is no longer its own: it can neither save nor record a second verdict.
      expect((await advanceVerificationRun(dead!, PAGE)).outcome).toBe("lost");
      expect(await verdictEvents(wonderland)).toBe(before + 1);
      expect(
        await prisma.auditEvent.findFirstOrThrow({ where: { chainId: wonderland }, orderBy: { seq: "desc" } }),
      ).toMatchObject({ action: "audit.verify", result: status === "PASSED" ? "SUCCESS" : "FAILED" });
    },
  );

  // Last for secretgarden: breaks its chain.
  it("a resumed run goes on from its saved seq, never from zero: an edit before it is not walked again", async () => {
    const run = await startRun("sam@secretgarden.example");
    const first = await claimVerificationRun({ runId: run.id });
    expect(await advanceVerificationRun(first!, PAGE)).toEqual({ outcome: "paused", pages: 1 });
    await tamperWith(secretgarden, 1n);
    await runVerificationTick();
    expect(await prisma.auditVerificationRun.findUniqueOrThrow({ where: { id: run.id } })).toMatchObject({
      status: "PASSED",
      checked: run.headSeq,
    });
    expect(await verifyAuditChain(prisma, secretgarden)).toMatchObject({ ok: false, firstBadSeq: 1n });
  });
});
