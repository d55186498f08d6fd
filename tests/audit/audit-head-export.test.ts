// The signed chain head is exported out of the database on a schedule, and `npm run audit:verify` checks the
// exports against the database: history rewritten (even with the key) or truncated after an export is caught.
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";

import { afterAll, describe, expect, it, vi } from "vitest";

import { auditChainKey } from "@/lib/audit/audit-chain-key";
import { exportChainHeads, headExportTarget, headSignature, type ExportedHead } from "@/lib/audit/chain-head-export";
import { SYSTEM_CHAIN } from "@/lib/audit/audit-chain";
import { headExportIntervalMinutes, startHeadExportSchedule } from "@/lib/audit/head-export-schedule";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { verifyExportedHeads } from "@/lib/audit/verify-exported-heads";
import { inRolledBackTransaction, rewriteHistoryFrom, truncateHistoryAfter } from "../helpers/audit-tampering";
import { demoDatabase, requestMeta } from "../helpers/test-database";

const prisma = await demoDatabase();
const KEY = auditChainKey();
const OTHER_KEY = Buffer.from("a-key-that-is-not-the-chain-key-0123456789");
const SYSTEM = { tenantId: null, actorId: null, actorName: "system", actorType: "SYSTEM" as const };
const appendEvent = (action: string) =>
  prisma.$transaction((tx) => recordAuditEvent(tx, SYSTEM, requestMeta(), { action }));

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "audit-heads-"));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));
const headsFile = path.join(scratch, "audit-heads.jsonl");
const readHeads = () => fs.readFileSync(headsFile, "utf8");
/** Exports every chain's head and returns the system chain's (the one these tests append to). */
const exportSystemHead = async (target: Parameters<typeof exportChainHeads>[2]) =>
  (await exportChainHeads(prisma, KEY, target)).find((head) => head.chain === SYSTEM_CHAIN)!;
const chainCount = () => prisma.auditChainHead.count();

describe("exported chain heads", () => {
  let exported: ExportedHead;

  let linesPerExport = 0;
  /** The line of the file that holds the second export's system head. */
  let systemLine = 0;

  it("appends every chain's signed head to the export file, which verify against the database", async () => {
    await appendEvent("test.before-first-export");
    await exportSystemHead({ file: headsFile });
    for (let i = 0; i < 3; i++) await appendEvent(`test.${i}`);
    exported = await exportSystemHead({ file: headsFile });
    linesPerExport = await chainCount();
    // the legacy and the system chain at least (the demo seed writes no tenant event)
    expect(linesPerExport).toBeGreaterThanOrEqual(2);

    const head = await prisma.auditChainHead.findUniqueOrThrow({ where: { chainId: SYSTEM_CHAIN } });
    expect(exported).toMatchObject({ chain: SYSTEM_CHAIN, seq: head.lastSeq.toString(), hash: head.lastHash });
    const lines = readHeads()
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as ExportedHead);
    expect(lines).toHaveLength(2 * linesPerExport);
    systemLine = lines.findLastIndex((line) => line.chain === SYSTEM_CHAIN) + 1;
    expect(fs.statSync(headsFile).mode & 0o777).toBe(0o600);
    expect(await verifyExportedHeads(prisma, readHeads(), KEY)).toEqual({
      ok: true,
      checked: 2 * linesPerExport,
      problems: [],
    });
  });

  it("still verifies a head exported before chains were per tenant (no chain: the legacy chain's)", async () => {
    const unsigned = { seq: "0", hash: "0".repeat(64), exportedAt: new Date().toISOString() };
    const old = JSON.stringify({ ...unsigned, signature: headSignature(unsigned, KEY) });
    expect(await verifyExportedHeads(prisma, `${old}\n`, KEY)).toEqual({ ok: true, checked: 1, problems: [] });
    const moved = JSON.stringify({ ...JSON.parse(old), chain: SYSTEM_CHAIN });
    expect((await verifyExportedHeads(prisma, `${moved}\n`, KEY)).ok).toBe(false);
  });

  it("catches history rewritten with the key after the export, which the chain alone cannot", async () => {
    const seq = BigInt(exported.seq);
    const [chain, heads] = await inRolledBackTransaction(async (tx) => {
      await rewriteHistoryFrom(tx, SYSTEM_CHAIN, seq - 1n, { action: "forged" }, KEY);
      return [
        await verifyAuditChain(tx, SYSTEM_CHAIN, { key: KEY }),
        await verifyExportedHeads(tx, readHeads(), KEY),
      ] as const;
    });
    expect(chain.ok).toBe(true);
    expect(heads.ok).toBe(false);
    expect(heads.problems).toEqual([
      expect.stringMatching(
        new RegExp(`^line ${systemLine}: event ${seq}'s hash differs .*rewritten\\) in chain system`),
      ),
    ]);
  });

  it("catches history truncated after the export", async () => {
    const seq = BigInt(exported.seq);
    const [chain, heads] = await inRolledBackTransaction(async (tx) => {
      await truncateHistoryAfter(tx, SYSTEM_CHAIN, seq - 2n);
      return [
        await verifyAuditChain(tx, SYSTEM_CHAIN, { key: KEY }),
        await verifyExportedHeads(tx, readHeads(), KEY),
      ] as const;
    });
    expect(chain.ok).toBe(true);
    expect(heads.problems).toEqual([
      expect.stringMatching(new RegExp(`^line ${systemLine}: event ${seq}, exported at .* is missing`)),
    ]);
  });

  it.each([
    ["an altered sequence number", (head: ExportedHead) => JSON.stringify({ ...head, seq: "1" })],
    ["an altered chain", (head: ExportedHead) => JSON.stringify({ ...head, chain: "legacy" })],
    ["an altered hash", (head: ExportedHead) => JSON.stringify({ ...head, hash: "f".repeat(64) })],
    [
      "a signature under another key",
      (head: ExportedHead) => JSON.stringify({ ...head, signature: headSignature(head, OTHER_KEY) }),
    ],
    ["a line that is not a head", () => '{"seq":"1"}'],
    ["a line that is not JSON", () => "seq=1"],
  ])("refuses an export line with %s", async (_what, forge) => {
    const forged = `${readHeads()}${forge(exported)}\n`;
    const verdict = await verifyExportedHeads(prisma, forged, KEY);
    expect(verdict.ok).toBe(false);
    expect(verdict.problems).toEqual([expect.stringMatching(new RegExp(`^line ${2 * linesPerExport + 1}\\b`))]);
  });

  it("POSTs each chain's head to AUDIT_HEAD_EXPORT_URL when it is set, and reports a refusal", async () => {
    const received: string[] = [];
    let status = 204;
    const server = http.createServer((request, response) => {
      let body = "";
      request.on("data", (chunk: Buffer) => (body += chunk.toString()));
      request.on("end", () => {
        received.push(body);
        response.writeHead(status).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/heads`;
    try {
      const target = headExportTarget({ AUDIT_HEAD_EXPORT_URL: url, AUDIT_HEAD_EXPORT_FILE: headsFile });
      expect(target).toEqual({ url });
      const sent = await exportChainHeads(prisma, KEY, target);
      expect(received).toEqual(sent.map((head) => JSON.stringify(head)));
      expect(await verifyExportedHeads(prisma, received.join("\n"), KEY)).toMatchObject({
        ok: true,
        checked: sent.length,
      });

      status = 500;
      await expect(exportChainHeads(prisma, KEY, target)).rejects.toThrow(/answered 500/);
    } finally {
      server.close();
    }
  });
});

describe("the export schedule", () => {
  it("exports at once and then every AUDIT_HEAD_EXPORT_INTERVAL minutes to AUDIT_HEAD_EXPORT_FILE", async () => {
    const file = path.join(scratch, "scheduled.jsonl");
    const systemLines = () =>
      (fs.existsSync(file) ? fs.readFileSync(file, "utf8").trim().split("\n") : [])
        .map((line) => JSON.parse(line) as ExportedHead)
        .filter((head) => head.chain === SYSTEM_CHAIN);
    const untilSystemLines = async (count: number) => {
      for (let waited = 0; systemLines().length < count; waited += 10) {
        if (waited > 10_000) throw new Error(`no ${count} exported system heads after 10 s`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    };
    vi.stubEnv("AUDIT_HEAD_EXPORT_FILE", file);
    vi.stubEnv("AUDIT_HEAD_EXPORT_INTERVAL", "2");
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    const schedule = startHeadExportSchedule();
    try {
      // Polled on real time: vi.waitFor would advance the faked interval too, and could fire the next export early.
      await untilSystemLines(1);
      vi.advanceTimersByTime(2 * 60_000 - 1);
      await appendEvent("test.between-exports");
      vi.advanceTimersByTime(1);
      await untilSystemLines(2);
    } finally {
      schedule.stop();
      vi.useRealTimers();
      vi.unstubAllEnvs();
    }
    const [first, second] = systemLines();
    expect(BigInt(second!.seq)).toBe(BigInt(first!.seq) + 1n);
    expect(await verifyExportedHeads(prisma, fs.readFileSync(file, "utf8"), KEY)).toMatchObject({
      ok: true,
      checked: 2 * (await chainCount()),
    });
  });

  it.each([
    [undefined, 5],
    ["", 5],
    ["0", 0],
    ["60", 60],
  ])("reads AUDIT_HEAD_EXPORT_INTERVAL=%s as %i minutes", (value, minutes) => {
    expect(headExportIntervalMinutes(value)).toBe(minutes);
  });

  it.each(["-1", "1.5", "five", "1441", "1e9"])(
    "refuses AUDIT_HEAD_EXPORT_INTERVAL=%s, naming the variable",
    (value) => {
      expect(() => headExportIntervalMinutes(value)).toThrow(/AUDIT_HEAD_EXPORT_INTERVAL/);
    },
  );
});
