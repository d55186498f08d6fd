// POST /api/v1/audit/verify runs the chain verifier over the caller's tenant's chain (a short one within the
// request: tests/services/audit-verification-runs.test.ts covers the runs) and records that it did; the
// scheduled verification records each chain's verdict in that chain; and an UPDATE of an event made behind the
// triggers' back (a database superuser on PostgreSQL, the owner on PGlite) is named by its sequence number.
import { describe, expect, it } from "vitest";

import { SYSTEM_CHAIN } from "@/lib/audit/audit-chain";
import { runVerificationTick } from "@/lib/audit/verification-runs/verification-runner";
import { verifyChainsAndRecord, verifyIntervalMinutes } from "@/lib/audit/verify-schedule";
import { runEndpoint } from "@/lib/endpoint/run-endpoint";
import { verifyTenantAuditChainEndpoint } from "@/lib/services/audit/verify-tenant-audit-chain";
import { createProject } from "@/lib/services/projects/create-project";
import { contextFor, demoDatabase, requestMeta } from "../helpers/test-database";
import { tamperWith } from "../helpers/audit-tampering";
import { itRefuses } from "../helpers/refusal-table";

const prisma = await demoDatabase();
const wonderland = (await prisma.tenant.findUniqueOrThrow({ where: { name: "wonderland" } })).id;
const secretgarden = (await prisma.tenant.findUniqueOrThrow({ where: { name: "secretgarden" } })).id;
const lastOf = (chainId: string) =>
  prisma.auditEvent.findFirstOrThrow({ where: { chainId }, orderBy: { seq: "desc" } });
// Wonderland's chain starts with a few changes (the demo seed writes only the system chain's first event).
for (const name of ["Verified_one", "Verified_two", "Verified_three"]) {
  await createProject(await contextFor("alice@wonderland.example"), { name, description: "" });
}
const verifyAs = async (email: string) =>
  runEndpoint(verifyTenantAuditChainEndpoint, (await contextFor(email)).actor, requestMeta(), {});

describe("verifying a tenant's audit chain", () => {
  it.each(["audrey@wonderland.example", "alice@wonderland.example"])(
    "%s verifies wonderland's chain: ok, every event checked, and the verification recorded in that chain",
    async (email) => {
      const before = await lastOf(wonderland);
      const result = await verifyAs(email);
      expect(result).toEqual({ ok: true, data: { ok: true, checked: Number(before.seq), runId: expect.any(String) } });
      const { runId } = (result as { data: { runId: string } }).data;
      expect(await lastOf(wonderland)).toMatchObject({
        seq: before.seq + 1n,
        action: "audit.verify",
        result: "SUCCESS",
        targetType: "AUDIT_CHAIN",
        targetId: wonderland,
        after: { ok: true, checked: Number(before.seq), runId },
      });
    },
  );

  it("verifies only the caller's own tenant: sam's answer counts secretgarden's chain", async () => {
    await contextFor("sam@secretgarden.example");
    const before = await prisma.auditChainHead.findUnique({ where: { chainId: secretgarden } });
    const result = await verifyAs("sam@secretgarden.example");
    expect(result).toEqual({
      ok: true,
      data: { ok: true, checked: Number(before?.lastSeq ?? 0n), runId: expect.any(String) },
    });
    expect((await lastOf(secretgarden)).action).toBe("audit.verify");
  });

  itRefuses(
    [
      {
        description: "allen is no auditor",
        who: "allen@wonderland.example",
        endpoint: verifyTenantAuditChainEndpoint,
        input: {},
        code: "FORBIDDEN",
      },
      {
        description: "no session",
        who: null,
        endpoint: verifyTenantAuditChainEndpoint,
        input: {},
        code: "UNAUTHENTICATED",
      },
    ],
    () => prisma.auditChainHead.findMany({ where: { chainId: { not: wonderland } }, orderBy: { chainId: "asc" } }),
  );

  it("the scheduled verification records each chain's verdict in that chain", async () => {
    const scheduled = await verifyChainsAndRecord();
    // The system chain is walked at once; a tenant's is a verification run, which the runner carries out.
    expect(scheduled).toEqual(
      expect.arrayContaining([
        { chainId: SYSTEM_CHAIN, verdict: expect.objectContaining({ ok: true }) },
        { chainId: wonderland, runId: expect.any(String) },
      ]),
    );
    await runVerificationTick();
    const runs = await prisma.auditVerificationRun.findMany({
      where: { id: { in: scheduled.flatMap((chain) => ("runId" in chain ? [chain.runId] : [])) } },
    });
    expect(runs.map((run) => run.status)).toEqual(runs.map(() => "PASSED"));
    for (const chainId of [wonderland, SYSTEM_CHAIN]) {
      expect(await lastOf(chainId)).toMatchObject({
        action: "audit.verify-scheduled",
        result: "SUCCESS",
        actorType: "SYSTEM",
        targetId: chainId,
      });
    }
  });

  it.each([
    [undefined, 60],
    ["0", 0],
    ["15", 15],
  ])("reads AUDIT_VERIFY_INTERVAL=%s as %i minutes", (value, minutes) => {
    expect(verifyIntervalMinutes(value)).toBe(minutes);
  });

  it.each(["-1", "2.5", "hourly", "100000"])("refuses AUDIT_VERIFY_INTERVAL=%s, naming the variable", (value) => {
    expect(() => verifyIntervalMinutes(value)).toThrow(/AUDIT_VERIFY_INTERVAL/);
  });

  // Last: it breaks wonderland's chain for good (this file's database only).
  it("names the sequence number of an event a superuser changed behind the triggers, and records the failure", async () => {
    const tampered = (await lastOf(wonderland)).seq - 2n;
    await tamperWith(wonderland, tampered);
    const result = await verifyAs("audrey@wonderland.example");
    expect(result).toEqual({
      ok: true,
      data: {
        ok: false,
        checked: Number(tampered) - 1,
        firstBadSeq: tampered.toString(),
        problem: "its content does not match its hash",
        runId: expect.any(String),
      },
    });
    expect(await lastOf(wonderland)).toMatchObject({
      action: "audit.verify",
      result: "FAILED",
      after: { ok: false, firstBadSeq: tampered.toString() },
    });
    // Another tenant's chain is untouched and still verifies.
    expect(await verifyAs("sam@secretgarden.example")).toMatchObject({ ok: true, data: { ok: true } });
    await verifyChainsAndRecord();
    await runVerificationTick();
    expect(await lastOf(wonderland)).toMatchObject({
      action: "audit.verify-scheduled",
      result: "FAILED",
      after: { ok: false, firstBadSeq: tampered.toString() },
    });
  });
});
