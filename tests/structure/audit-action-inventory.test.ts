import path from "node:path";
import { describe, expect, it } from "vitest";
import { API_ROUTES, SERVER_ACTIONS, type Probe } from "@/e2e/entry-point-inventory";
import type { EndpointDefinition } from "@/lib/endpoint/define-endpoint";
import { runEndpoint } from "@/lib/endpoint/run-endpoint";
import type { z } from "zod";
import { contextFor, demoDatabase, requestMeta } from "../helpers/test-database";
import { anonymousRefusalCount } from "../helpers/anonymous-refusals";

const prisma = await demoDatabase();
const bobId = (await prisma.user.findUniqueOrThrow({ where: { email: "bob@wonderland.example" } })).id;

type Endpoint = EndpointDefinition<z.ZodType, unknown>;
interface EntryPoint {
  label: string;
  endpoint: Endpoint;
  probe: Probe;
  /** A GET, or a probe that says it changes nothing: a successful call writes no audit row. */
  readOnly: boolean;
}

/** serverAction() and routeHandler() carry the definition they were built from. */
const endpointOf = (built: unknown, label: string): Endpoint => {
  const endpoint = (built as { endpoint?: Endpoint } | undefined)?.endpoint;
  if (!endpoint) throw new Error(`${label} was not built by serverAction() or routeHandler()`);
  return endpoint;
};

const importModule = (file: string) =>
  import(/* @vite-ignore */ path.resolve(file)) as Promise<Record<string, unknown>>;

const entryPoints: EntryPoint[] = [
  ...(await Promise.all(
    Object.entries(SERVER_ACTIONS).map(async ([key, probe]) => {
      const [file, exported] = key.split("#") as [string, string];
      const exports = await importModule(file);
      return { label: key, endpoint: endpointOf(exports[exported], key), probe, readOnly: Boolean(probe.readsOnly) };
    }),
  )),
  ...(await Promise.all(
    Object.entries(API_ROUTES).flatMap(([path, methods]) =>
      Object.entries(methods).map(async ([method, probe]) => {
        const exports = await importModule(`app${path}/route.ts`);
        const label = `${method} ${path}`;
        return {
          label,
          endpoint: endpointOf(exports[method], label),
          probe,
          readOnly: (method === "GET" && !probe.auditedRead) || Boolean(probe.readsOnly),
        };
      }),
    ),
  )),
];

/** Callers in the order they probe: refused without a session, as an ordinary member, then the owner (who may). */
const CALLERS = [null, "allen@wonderland.example", "alice@wonderland.example"] as const;

describe("the audit rule over the entry-point inventory: one audit row per call, named for the endpoint", () => {
  it("covers every entry point of the inventory, each with a distinct endpoint name", () => {
    expect(entryPoints.length).toBe(
      Object.keys(SERVER_ACTIONS).length + Object.values(API_ROUTES).flatMap(Object.keys).length,
    );
    for (const { label, endpoint } of entryPoints) {
      // One operation may be served by an action and a route (one definition); two definitions never share a name.
      const other = entryPoints.find(
        (candidate) => candidate.endpoint.name === endpoint.name && candidate.endpoint !== endpoint,
      );
      expect(
        other?.label,
        `${label} and ${other?.label} are different endpoints named ${endpoint.name}`,
      ).toBeUndefined();
    }
  });

  for (const entryPoint of entryPoints) {
    it(`${entryPoint.label} (${entryPoint.endpoint.name})`, async () => {
      for (const caller of CALLERS) {
        const actor = caller ? (await contextFor(caller)).actor : null;
        const last = await prisma.auditEvent.findFirst({ orderBy: { id: "desc" }, select: { id: true } });
        const anonymousBefore = await anonymousRefusalCount(entryPoint.endpoint.name);
        const result = await runEndpoint(entryPoint.endpoint, actor, requestMeta(), entryPoint.probe.input({ bobId }));
        const rows = await prisma.auditEvent.findMany({
          where: { id: { gt: last?.id ?? 0n } },
          select: { action: true, result: true },
        });
        const outcome = `${caller ?? "no session"}: ${JSON.stringify(result).slice(0, 300)}`;
        expect(result.ok || result.error.code, outcome).not.toBe("INTERNAL");
        if (result.ok && entryPoint.readOnly) expect(rows, outcome).toEqual([]);
        else if (!actor) {
          // No actor and no tenant concerned: counted under the endpoint's name, not chained.
          expect(rows, outcome).toEqual([]);
          expect(await anonymousRefusalCount(entryPoint.endpoint.name), outcome).toBe(anonymousBefore + 1);
        } else
          expect(rows, outcome).toEqual([
            {
              action: entryPoint.endpoint.name,
              result: result.ok ? "SUCCESS" : expect.stringMatching(/^(DENIED|FAILED)$/),
            },
          ]);
      }
    });
  }
});
