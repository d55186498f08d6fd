import { expect, it } from "vitest";
import type { z } from "zod";
import { prisma } from "@/lib/db/client";
import type { EndpointDefinition } from "@/lib/endpoint/define-endpoint";
import { runEndpoint } from "@/lib/endpoint/run-endpoint";
import type { ErrorCode } from "@/lib/errors";
import { contextFor, requestMeta } from "./test-database";
import { anonymousRefusalCount } from "./anonymous-refusals";

/** Any endpoint definition: the cases of one table may mix endpoints with different inputs and outputs. */
export type AnyEndpoint = EndpointDefinition<z.ZodType, unknown>;

/** One refused call: who calls which endpoint with what, and the coded error the door must answer. */
export interface RefusalCase {
  description: string;
  /** The caller's email; null calls without a session. */
  who: string | null;
  endpoint: AnyEndpoint;
  /** The raw input (as a form or the API sends it); a function when it needs ids looked up first. */
  input: Record<string, unknown> | (() => Promise<Record<string, unknown>>);
  code: ErrorCode;
  /** A field the error must name. */
  field?: string;
  /** Matched against the field's first message when `field` is given, else against the error's message. */
  message?: RegExp;
  /** The caller's own address (the whitelists judge it); 127.0.0.1 unless given. */
  sourceIp?: string;
}

/** The codes the door audits as DENIED; every other refusal is audited as FAILED (lib/endpoint/run-endpoint). */
const DENIED_CODES: readonly ErrorCode[] = ["UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND"];

/**
 * One test per case, each asserting the three things every refusal owes: the coded error (and the field or
 * message it names), exactly one audit row for it (the endpoint's name, DENIED or FAILED, the code in the
 * reason), and a database `state()` equal before and after. `state` reads whatever the endpoints could touch.
 */
export function itRefuses(cases: readonly RefusalCase[], state: () => Promise<unknown>): void {
  for (const testCase of cases) {
    it(`${testCase.endpoint.name}: ${testCase.description} → ${testCase.code}`, async () => {
      const input = typeof testCase.input === "function" ? await testCase.input() : testCase.input;
      const actor = testCase.who ? (await contextFor(testCase.who)).actor : null;
      const before = await state();
      // The refusal is counted in the actor's tenant's chain (and also in another tenant's, when it concerns one).
      const actorChain = { chainId: actor?.tenantId ?? "none" };
      const auditRowsBefore = await prisma.auditEvent.count({ where: actorChain });
      const anonymousBefore = await anonymousRefusalCount(testCase.endpoint.name);
      const lastIdBefore = (await prisma.auditEvent.findFirst({ orderBy: { id: "desc" } }))?.id ?? 0n;

      const result = await runEndpoint(testCase.endpoint, actor, requestMeta(testCase.sourceIp), input);

      expect(result.ok, JSON.stringify(result)).toBe(false);
      if (result.ok) return;
      expect(result.error.code, JSON.stringify(result.error)).toBe(testCase.code);
      if (testCase.field)
        expect(result.error.fieldErrors?.[testCase.field]?.[0], JSON.stringify(result.error)).toBeTruthy();
      if (testCase.message) {
        expect(testCase.field ? result.error.fieldErrors?.[testCase.field]?.[0] : result.error.message).toMatch(
          testCase.message,
        );
      }
      if (!actor) {
        // Without an actor (and no tenant concerned) a refusal is counted, not chained.
        expect(await prisma.auditEvent.count({ where: { id: { gt: lastIdBefore } } })).toBe(0);
        expect(await anonymousRefusalCount(testCase.endpoint.name)).toBe(anonymousBefore + 1);
        expect(await state()).toEqual(before);
        return;
      }
      expect(await prisma.auditEvent.count({ where: actorChain })).toBe(auditRowsBefore + 1);
      const audit = await prisma.auditEvent.findFirstOrThrow({ where: actorChain, orderBy: { id: "desc" } });
      expect(audit).toMatchObject({
        action: testCase.endpoint.name,
        result: DENIED_CODES.includes(testCase.code) ? "DENIED" : "FAILED",
      });
      expect(audit.reason).toContain(testCase.code);
      expect(await state()).toEqual(before);
    });
  }
}
