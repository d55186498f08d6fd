// The tenant's Auditor reads and never changes: every entry point that changes something refuses audrey (the demo
// auditor) with FORBIDDEN or NOT_FOUND, audited in her tenant's chain, and changes nothing it could touch.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { API_ROUTES, SERVER_ACTIONS, type Probe } from "@/e2e/entry-point-inventory";
import type { EndpointDefinition } from "@/lib/endpoint/define-endpoint";
import { runEndpoint } from "@/lib/endpoint/run-endpoint";
import type { z } from "zod";
import { contextFor, demoDatabase, requestMeta } from "../helpers/test-database";

const prisma = await demoDatabase();
type AnyEndpoint = EndpointDefinition<z.ZodType, unknown>;
const endpointOf = (value: unknown) => (value as { endpoint: AnyEndpoint }).endpoint;
const importModule = (file: string) =>
  import(/* @vite-ignore */ path.resolve(file)) as Promise<Record<string, unknown>>;

/** What changes something: every server action and non-GET route, but questions (readsOnly) and the caller's own. */
const changes = (probe: Probe, method: string) =>
  method !== "GET" && !probe.readsOnly && !probe.actsOnCaller && !probe.auditedRead;

const mutating: { label: string; endpoint: AnyEndpoint; probe: Probe }[] = [];
for (const [key, probe] of Object.entries(SERVER_ACTIONS)) {
  const [file, exported] = key.split("#") as [string, string];
  if (changes(probe, "POST"))
    mutating.push({ label: key, endpoint: endpointOf((await importModule(file))[exported]), probe });
}
for (const [route, methods] of Object.entries(API_ROUTES)) {
  for (const [method, probe] of Object.entries(methods)) {
    if (!changes(probe, method)) continue;
    const endpoint = endpointOf((await importModule(`app${route}/route.ts`))[method]);
    // Verifying the audit chain is the auditor's own work (it only records that it ran).
    if (endpoint.name === "audit.verify") continue;
    mutating.push({ label: `${method} ${route}`, endpoint, probe });
  }
}

const bob = await prisma.user.findUniqueOrThrow({ where: { email: "bob@wonderland.example" } });
const tenantId = bob.tenantId;

describe("the auditor changes nothing", () => {
  it("covers the inventory's changing entry points", () => {
    expect(mutating.length).toBeGreaterThan(30);
  });

  for (const { label, endpoint, probe } of mutating) {
    it(`${label} (${endpoint.name}) refuses audrey, audited`, async () => {
      const audrey = (await contextFor("audrey@wonderland.example")).actor;
      const last = await prisma.auditEvent.findFirst({ orderBy: { id: "desc" }, select: { id: true } });
      const result = await runEndpoint(endpoint, audrey, requestMeta(), probe.input({ bobId: bob.id }));
      expect(result.ok, JSON.stringify(result).slice(0, 300)).toBe(false);
      if (result.ok) return;
      expect(["FORBIDDEN", "NOT_FOUND"], JSON.stringify(result.error)).toContain(result.error.code);
      const rows = await prisma.auditEvent.findMany({ where: { id: { gt: last?.id ?? 0n } } });
      expect(rows).toEqual([
        expect.objectContaining({
          chainId: tenantId,
          action: endpoint.name,
          result: "DENIED",
          actorName: audrey.principal,
        }),
      ]);
    });
  }
});
