import path from "node:path";
import { describe, expect, it } from "vitest";
import { API_ROUTES } from "@/e2e/entry-point-inventory";
import { createAccessKey } from "@/lib/services/access-keys/create-access-key";
import { CLIENT_IP_HEADER, CLIENT_IP_SECRET_HEADER } from "@/lib/http/request-meta";
import { signRequest } from "../helpers/acs3-test-signer";
import { contextFor, demoDatabase } from "../helpers/test-database";

/**
 * The entry-point inventory through the signed door: every changing API route refuses a call without credentials,
 * and one signed by the other tenant's key or by an ordinary member's key (the cookie door's strangers, e2e/entry-points.spec.ts, with keys instead of sessions), and nothing changes.
 */
const prisma = await demoDatabase();
const bobId = (await prisma.user.findUniqueOrThrow({ where: { email: "bob@wonderland.example" } })).id;
process.env.SC_CLIENT_IP_SECRET ??= "signed-inventory-test";
const BASE = "http://security-center.test";

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
/** Whether the route's endpoint refuses signed callers (its definition's sessionOnly). */
const sessionOnly = (handler: Handler) =>
  Boolean((handler as { endpoint?: { sessionOnly?: string } }).endpoint?.sessionOnly);

const keyOf = async (email: string) => createAccessKey(await contextFor(email), { description: "inventory" });
const STRANGERS = [
  { who: "the other tenant's owner", key: await keyOf("sam@secretgarden.example"), otherTenant: true },
  { who: "an ordinary WonderLand member", key: await keyOf("allen@wonderland.example"), otherTenant: false },
] as const;

const routes = await Promise.all(
  Object.entries(API_ROUTES).flatMap(([routePath, methods]) =>
    Object.entries(methods).map(async ([method, probe]) => {
      const exports = (await import(/* @vite-ignore */ path.resolve(`app${routePath}/route.ts`))) as Record<
        string,
        Handler
      >;
      return { routePath, method, probe, handler: exports[method]! };
    }),
  ),
);

/** The route's path with its dynamic segments filled as the e2e inventory fills them. */
function concrete(routePath: string, input: Record<string, unknown>) {
  const params: Record<string, string> = {};
  const pathname = routePath.replace(/\[([^\]]+)\]/g, (_, name: string) => {
    params[name] = name === "project" ? "WonderLand" : String(input[name] ?? "00000000-0000-4000-8000-000000000000");
    return encodeURIComponent(params[name]!);
  });
  return { pathname, params };
}

function call(route: (typeof routes)[number], key: { id: string; secret: string } | null) {
  const input = route.probe.input({ bobId });
  const { pathname, params } = concrete(route.routePath, input);
  // A GET's probe holds only strings (lists ride in bodies).
  const query = route.method === "GET" ? `?${new URLSearchParams(input as Record<string, string>)}` : "";
  const url = `${BASE}${pathname}${query}`;
  const body = route.method === "GET" ? undefined : JSON.stringify(input);
  const headers = {
    ...(key ? signRequest({ method: route.method, url, accessKeyId: key.id, secret: key.secret, body }) : {}),
    [CLIENT_IP_HEADER]: "127.0.0.1",
    [CLIENT_IP_SECRET_HEADER]: process.env.SC_CLIENT_IP_SECRET!,
  };
  return route.handler(new Request(url, { method: route.method, headers, body }), { params: Promise.resolve(params) });
}

const state = async () => ({
  grants: await prisma.aclGrant.count(),
  members: await prisma.projectMember.findMany({ orderBy: { id: "asc" }, select: { id: true, removedAt: true } }),
  policies: await prisma.policyVersion.count(),
  whitelist: await prisma.whitelistEntry.count(),
  projects: await prisma.project.count(),
});

describe("the inventory through the signed door", () => {
  it("covers the inventory", () => expect(routes.length).toBeGreaterThan(20));

  // (An unsigned GET would look for a session cookie, which needs Next's request scope: e2e/entry-points.spec.ts.)
  it("no credentials: every changing route answers 401", async () => {
    for (const route of routes.filter(({ method }) => method !== "GET")) {
      const response = await call(route, null);
      expect(response.status, `${route.method} ${route.routePath}`).toBe(401);
    }
  });

  for (const stranger of STRANGERS) {
    it(`signed by ${stranger.who}'s key: every changing route refuses and nothing changes`, async () => {
      const before = await state();
      for (const route of routes) {
        if (route.method === "GET") continue;
        if (stranger.otherTenant && route.probe.actsInOwnAccount) continue;
        // What acts on the caller themselves is theirs to do, unless only a console session may (creating a key).
        if (route.probe.actsOnCaller && !sessionOnly(route.handler)) continue;
        const response = await call(route, stranger.key);
        const text = await response.text();
        expect([403, 404], `${route.method} ${route.routePath}: ${text}`).toContain(response.status);
        expect(text).toMatch(/FORBIDDEN|NOT_FOUND/);
      }
      expect(await state()).toEqual(before);
    });
  }

  it("signed by the other tenant's key, WonderLand's project reads answer 404", async () => {
    for (const route of routes) {
      if (route.method !== "GET" || !route.routePath.includes("[project]")) continue;
      const response = await call(route, STRANGERS[0].key);
      const text = await response.text();
      expect(response.status, `GET ${route.routePath}: ${text}`).toBe(404);
      expect(text).not.toMatch(/sales_orders|user_profile|wonderland\.example/);
    }
  });
});
