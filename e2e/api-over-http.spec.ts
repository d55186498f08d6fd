import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { signIn, type Persona } from "./personas";

/**
 * The console's operations over real HTTP, as a script would drive them with a session: the OpenAPI document,
 * the API's error shape for unknown paths, and a sample of the routes that used to be server actions only, each
 * allowed for its administrator, refused to a member, and audited either way.
 */

async function apiOf(page: Page, persona: Persona) {
  await signIn(page, persona);
  return page.context().request;
}

async function dataOf<T>(request: APIRequestContext, path: string, params: Record<string, string> = {}) {
  const response = await request.get(path, { params });
  expect(response.status(), `GET ${path}`).toBe(200);
  return ((await response.json()) as { data: T }).data;
}

/** The newest audit rows of an action, as the account owner reads them through the API. */
/** The newest audit rows whose action starts with `prefix` (the list's free text finds them; its action filter is exact). */
async function auditRows(request: APIRequestContext, prefix: string) {
  const data = await dataOf<{ items: { action: string; result: string; actor: string }[] }>(request, "/api/v1/audit", {
    q: prefix,
    pageSize: "20",
  });
  return data.items.filter((row) => row.action.startsWith(prefix));
}

test("the OpenAPI document: refused without a session in the one error shape, served to any signed-in user", async ({
  page,
  playwright,
  baseURL,
}) => {
  const anonymous = await playwright.request.newContext({ baseURL });
  const refused = await anonymous.get("/api/v1/openapi.json");
  expect(refused.status()).toBe(401);
  expect(await refused.json()).toEqual({ error: { code: "UNAUTHENTICATED", message: expect.any(String) } });
  await anonymous.dispose();

  const allen = await apiOf(page, "allen");
  const response = await allen.get("/api/v1/openapi.json");
  expect(response.status()).toBe(200);
  const document = (await response.json()) as { openapi: string; paths: Record<string, Record<string, unknown>> };
  expect(document.openapi).toBe("3.1.0");
  expect(Object.keys(document.paths["/api/v1/projects/{project}/roles/{role}/members/{userId}"]!)).toEqual(["delete"]);
});

test("a path no route serves answers 404 NOT_FOUND as JSON, whatever the method", async ({ page }) => {
  const alice = await apiOf(page, "alice");
  for (const [method, path] of [
    ["GET", "/api/v1/no-such-thing"],
    ["POST", "/api/v1/projects/WonderLand/no-such-thing"],
  ] as const) {
    const response = await alice.fetch(path, { method, data: method === "GET" ? undefined : {} });
    expect(response.status(), `${method} ${path}`).toBe(404);
    expect(await response.json()).toEqual({ error: { code: "NOT_FOUND", message: expect.any(String) } });
  }
});

test("roles over HTTP: create, assign, revoke and drop as the owner; refused to a member; each call audited", async ({
  page,
  baseURL,
}) => {
  const headers = { Origin: baseURL! };
  const roles = "/api/v1/projects/WonderLand/roles";
  const allen = await apiOf(page, "allen");
  const allenId = (await dataOf<{ userId: string }>(allen, "/api/v1/me")).userId;
  const refused = await allen.post(roles, { headers, data: { name: "http_role_by_allen" } });
  expect(refused.status()).toBe(403);
  expect(await refused.json()).toMatchObject({ error: { code: "FORBIDDEN" } });

  await page.context().clearCookies();
  const alice = await apiOf(page, "alice");
  const calls = [
    () => alice.post(roles, { headers, data: { name: "http_role", description: "made over HTTP" } }),
    () => alice.post(`${roles}/http_role/members`, { headers, data: { userId: allenId } }),
    () => alice.delete(`${roles}/http_role/members/${allenId}`, { headers }),
    () => alice.delete(`${roles}/http_role`, { headers }),
  ];
  for (const [index, call] of calls.entries()) {
    const response = await call();
    expect(response.status(), `call ${index}: ${await response.text()}`).toBe(200);
    if (index === 1) {
      const role = await dataOf<{ members: { userId: string }[] }>(alice, `${roles}/http_role`);
      expect(role.members.map((member) => member.userId)).toEqual([allenId]);
    }
  }
  expect((await alice.get(`${roles}/http_role`)).status()).toBe(404);

  // The GET of the dropped role (404) is audited too, as role.get: these are the five changes.
  const rows = (await auditRows(alice, "role.")).filter((row) => row.action !== "role.get");
  expect(rows.slice(0, 5).map((row) => `${row.action} ${row.result}`)).toEqual([
    "role.drop SUCCESS",
    "role.revoke SUCCESS",
    "role.assign SUCCESS",
    "role.create SUCCESS",
    "role.create DENIED",
  ]);
});

test("account users over HTTP: the owner creates and disables a sub-account; a member is refused", async ({
  page,
  baseURL,
}) => {
  const headers = { Origin: baseURL! };
  const alice = await apiOf(page, "alice");
  const created = await alice.post("/api/v1/tenant/users", {
    headers,
    data: {
      name: "http_user",
      email: "http-user@wonderland.example",
      displayName: "HTTP User",
      password: "a-long-enough-http-passphrase",
    },
  });
  expect(created.status(), await created.text()).toBe(200);
  const users = await dataOf<{ items: { id: string; email: string; disabled: boolean }[] }>(
    alice,
    "/api/v1/tenant/users",
    { q: "http-user" },
  );
  const user = users.items.find((candidate) => candidate.email === "http-user@wonderland.example")!;
  expect(user.disabled).toBe(false);

  await page.context().clearCookies();
  const allen = await apiOf(page, "allen");
  const refused = await allen.patch(`/api/v1/tenant/users/${user.id}`, { headers, data: { disabled: true } });
  expect(refused.status()).toBe(403);

  await page.context().clearCookies();
  const owner = await apiOf(page, "alice");
  const disabled = await owner.patch(`/api/v1/tenant/users/${user.id}`, { headers, data: { disabled: true } });
  expect(disabled.status(), await disabled.text()).toBe(200);
  const after = await dataOf<{ items: { id: string; disabled: boolean }[] }>(owner, "/api/v1/tenant/users", {
    q: "http-user",
  });
  expect(after.items.find((candidate) => candidate.id === user.id)?.disabled).toBe(true);
  expect((await auditRows(owner, "user.set-disabled")).slice(0, 2).map((row) => row.result)).toEqual([
    "SUCCESS",
    "DENIED",
  ]);
});

test("sign out everywhere over HTTP ends the session that asked", async ({ page, baseURL }) => {
  const allen = await apiOf(page, "allen");
  expect((await allen.delete("/api/v1/me/sessions", { headers: { Origin: baseURL! } })).status()).toBe(200);
  const after = await allen.get("/api/v1/me");
  expect(after.status()).toBe(401);
});

test("the API reference page: grouped, searchable, and an operation opens from the keyboard", async ({ page }) => {
  await signIn(page, "allen");
  await page.getByRole("navigation", { name: /main/i }).getByRole("link", { name: "API reference" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "API reference" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Roles" })).toBeVisible();

  await page.getByRole("searchbox", { name: /search operations/i }).fill("trusted");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/q=trusted/);
  await expect(page.getByRole("heading", { level: 2 })).toHaveText(["Settings"]);

  const summary = page.locator("summary", { hasText: "/api/v1/projects/{project}/trusted-projects/{trustedProject}" });
  await summary.focus();
  await page.keyboard.press("Enter");
  const fields = page.getByRole("table", { name: /Fields of DELETE/ });
  await expect(fields).toBeVisible();
  await expect(fields.getByRole("row")).toHaveCount(3); // the header, project, trustedProject
  await expect(page.locator("details[open]")).toContainText("Audited as settings.trusted-project.remove");
});
