import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { API_ROUTES, EXEMPT_ROUTES, SERVER_ACTIONS } from "./entry-point-inventory";
import { signIn, type Persona } from "./personas";

const require = createRequire(import.meta.url);
const { encodeReply } = require("next/dist/compiled/react-server-dom-turbopack/client.node.js") as {
  encodeReply: (args: unknown[]) => Promise<FormData | string>;
};

interface ManifestAction {
  filename: string;
  exportedName: string;
}
const distDir = process.env.NEXT_DIST_DIR ?? ".next";
const builtActions = Object.entries(
  (
    JSON.parse(readFileSync(`${distDir}/server/server-reference-manifest.json`, "utf8")) as {
      node: Record<string, ManifestAction>;
    }
  ).node,
).map(([id, action]) => ({ id, key: `${action.filename}#${action.exportedName}` }));
const builtRoutes = Object.keys(
  JSON.parse(readFileSync(`${distDir}/server/app-paths-manifest.json`, "utf8")) as Record<string, string>,
)
  .filter((path) => path.endsWith("/route"))
  .map((path) => path.replace(/\/route$/, ""));

test("every server action and API route in the build is in the inventory", () => {
  expect(builtActions.map((action) => action.key).sort()).toEqual(Object.keys(SERVER_ACTIONS).sort());
  expect(builtRoutes.sort()).toEqual([...Object.keys(API_ROUTES), ...Object.keys(EXEMPT_ROUTES)].sort());
});

/** Calls a server action exactly as React does in the browser: multipart reply, Next-Action header. */
async function callAction(
  request: APIRequestContext,
  page: string,
  actionId: string,
  fields: Record<string, string>,
  origin: string | null,
) {
  const formData = new FormData();
  for (const [name, value] of Object.entries(fields)) formData.set(name, value);
  // The multipart body exactly as the browser's fetch would frame it (field order matters to React).
  const encoded = new Response((await encodeReply([null, formData])) as FormData);
  const response = await request.post(page, {
    headers: {
      "Next-Action": actionId,
      Accept: "text/x-component",
      "Content-Type": encoded.headers.get("content-type")!,
      ...(origin ? { Origin: origin } : {}),
    },
    data: Buffer.from(await encoded.arrayBuffer()),
  });
  return { status: response.status(), text: await response.text() };
}

/**
 * Dynamic segments aimed at WonderLand: [project] is the project; another segment takes the probe's value of
 * that name when it has one (an object's type and name), else a well-formed id of nothing.
 */
const concretePath = (path: string, input: Record<string, unknown>) =>
  path
    .replaceAll("[project]", "WonderLand")
    .replace(/\[([^\]]+)\]/g, (_, name: string) =>
      encodeURIComponent(String(input[name] ?? "00000000-0000-4000-8000-000000000000")),
    );

async function callRoute(
  request: APIRequestContext,
  routePath: string,
  method: string,
  input: Record<string, unknown>,
  origin: string | null,
) {
  const headers = origin ? { Origin: origin } : undefined;
  const path = concretePath(routePath, input);
  const response =
    method === "GET"
      ? await request.get(path, { params: input as Record<string, string>, headers })
      : await request.fetch(path, { method, data: input, headers });
  return { status: response.status(), text: await response.text() };
}

async function sessionOf(page: Page, persona: Persona | null) {
  if (persona) await signIn(page, persona);
  return page.context().request;
}

/** Reads one API answer as JSON data, failing loudly on an error. */
async function dataOf(request: APIRequestContext, path: string, params: Record<string, string> = {}) {
  const response = await request.get(path, { params });
  expect(response.status(), `GET ${path}`).toBe(200);
  return ((await response.json()) as { data: unknown }).data;
}

/** Every page of a list (the API serves at most 100 rows a page). */
async function allItems(request: APIRequestContext, path: string, params: Record<string, string> = {}) {
  const items: unknown[] = [];
  for (let page = 1; ; page++) {
    const data = (await dataOf(request, path, { ...params, page: String(page), pageSize: "100" })) as {
      items: unknown[];
      total: number;
    };
    items.push(...data.items);
    if (items.length >= data.total || data.items.length === 0) return items;
  }
}

/**
 * WonderLand's security state as its owner reads it through the API: grants, roles, members (current and
 * removed), the project's and each role's policy, the whitelist and the settings.
 */
async function wonderlandState(request: APIRequestContext) {
  const project = "/api/v1/projects/WonderLand";
  const roles = (await allItems(request, `${project}/roles`)) as { name: string; kind: string }[];
  const rolePolicies = await Promise.all(
    roles
      .filter((role) => role.kind === "Custom")
      .map(async (role) => [role.name, await dataOf(request, `${project}/policy`, { role: role.name })]),
  );
  return {
    grants: await allItems(request, `${project}/grants`),
    roles,
    members: await allItems(request, `${project}/members`, { status: "active" }),
    removedMembers: await allItems(request, `${project}/members`, { status: "removed" }),
    policy: await dataOf(request, `${project}/policy`),
    rolePolicies,
    whitelist: await dataOf(request, `${project}/whitelist`),
    settings: await dataOf(request, `${project}/settings`),
    packages: await allItems(request, `${project}/packages`),
    sharedPackage: await dataOf(request, `${project}/packages/wonderland_share`),
  };
}

let bobId = "";
let wonderlandBefore: Awaited<ReturnType<typeof wonderlandState>>;
test.beforeAll(async ({ browser }) => {
  const page = await browser.newPage();
  const request = await sessionOf(page, "bob");
  bobId = ((await (await request.get("/api/v1/me")).json()) as { data: { userId: string } }).data.userId;
  await page.context().clearCookies();
  wonderlandBefore = await wonderlandState(await sessionOf(page, "alice"));
  await page.close();
});

/** Callers that must be refused by every entry point that changes WonderLand, and the answer expected. */
const STRANGERS: {
  who: string;
  persona: Persona | null;
  otherTenant?: true;
  origin: "same" | "none";
  refusal: RegExp;
  status: number[];
}[] = [
  { who: "no session", persona: null, origin: "same", refusal: /UNAUTHENTICATED/, status: [401] },
  {
    who: "the other tenant's owner",
    persona: "sam",
    otherTenant: true,
    origin: "same",
    refusal: /FORBIDDEN|NOT_FOUND/,
    status: [403, 404],
  },
  {
    who: "an ordinary WonderLand member",
    persona: "allen",
    origin: "same",
    refusal: /FORBIDDEN|NOT_FOUND/,
    status: [403, 404],
  },
  {
    who: "alice's session without an Origin header (cross-site forgery)",
    persona: "alice",
    origin: "none",
    refusal: /UNAUTHENTICATED/,
    status: [401],
  },
];

for (const stranger of STRANGERS) {
  test(`${stranger.who}: every changing entry point refuses and nothing changes`, async ({ page, baseURL }) => {
    const request = await sessionOf(page, stranger.persona);
    const origin = stranger.origin === "same" ? baseURL! : null;
    for (const action of builtActions) {
      const probe = SERVER_ACTIONS[action.key]!;
      if (stranger.otherTenant && probe.actsInOwnAccount) continue;
      if (probe.actsOnCaller && stranger.persona && stranger.origin === "same") continue;
      const { text } = await callAction(request, probe.page, action.id, probe.input({ bobId }), origin);
      expect(text, action.key).toMatch(stranger.refusal);
    }
    for (const [path, methods] of Object.entries(API_ROUTES)) {
      for (const [method, probe] of Object.entries(methods)) {
        if (method === "GET" && stranger.persona) continue; // reads are scoped: see "project-scoped reads" below
        if (stranger.otherTenant && probe.actsInOwnAccount) continue;
        if (probe.actsOnCaller && stranger.persona && stranger.origin === "same") continue;
        const { status, text } = await callRoute(request, path, method, probe.input({ bobId }), origin);
        expect(stranger.status, `${method} ${path}: ${text}`).toContain(status);
        expect(text).toMatch(stranger.refusal);
      }
    }
  });
}

const PROJECT_READS = Object.entries(API_ROUTES).flatMap(([path, methods]) =>
  path.includes("[project]") && methods.GET ? [{ path, probe: methods.GET }] : [],
);

test("project-scoped reads: the other tenant's owner finds no WonderLand (404), an ordinary member reads only what members may", async ({
  page,
}) => {
  expect(PROJECT_READS.length).toBeGreaterThan(5);
  const sam = await sessionOf(page, "sam");
  for (const { path, probe } of PROJECT_READS) {
    const { status, text } = await callRoute(sam, path, "GET", probe.input({ bobId }), null);
    expect(status, `sam: GET ${path}: ${text}`).toBe(404);
    expect(text).toMatch(/NOT_FOUND/);
    expect(text).not.toMatch(/sales_orders|user_profile|wonderland\.example/);
  }
  await page.context().clearCookies();
  const allen = await sessionOf(page, "allen");
  for (const { path, probe } of PROJECT_READS) {
    const { status, text } = await callRoute(allen, path, "GET", probe.input({ bobId }), null);
    if (probe.memberMayRead) expect(status, `allen: GET ${path}: ${text}`).toBe(200);
    else {
      expect(status, `allen: GET ${path}: ${text}`).toBe(403);
      expect(text).toMatch(/FORBIDDEN/);
    }
  }
});

test("after every refused call, WonderLand is unchanged", async ({ page }) => {
  const alice = await sessionOf(page, "alice");
  expect(await wonderlandState(alice)).toEqual(wonderlandBefore);
  const projects = (await (await alice.get("/api/v1/projects", { params: { q: "Inventory_probe" } })).json()) as {
    data: { total: number };
  };
  expect(projects.data.total).toBe(0);
  await page.context().clearCookies();
  const bob = await sessionOf(page, "bob");
  expect((await bob.get("/api/v1/me")).status()).toBe(200);
});

test("the other tenant's owner sees none of WonderLand's projects through the API", async ({ page }) => {
  const sam = await sessionOf(page, "sam");
  const body = (await (await sam.get("/api/v1/projects")).json()) as { data: { items: { name: string }[] } };
  expect(body.data.items.map((project) => project.name)).toEqual(["SecretGarden"]);
});

test("positive control: the same encoded call from alice succeeds, so the refusals above are real", async ({
  page,
  baseURL,
}) => {
  const alice = await sessionOf(page, "alice");
  const action = builtActions.find((candidate) => candidate.key.endsWith("#createProjectAction"))!;
  const { text } = await callAction(alice, "/projects", action.id, { name: "Inventory_control" }, baseURL!);
  expect(text).toContain('"ok":true');
  const projects = (await (await alice.get("/api/v1/projects", { params: { q: "Inventory_control" } })).json()) as {
    data: { total: number };
  };
  expect(projects.data.total).toBe(1);
});
