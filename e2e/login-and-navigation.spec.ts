import { expect, test } from "@playwright/test";
import { PERSONAS, signIn, type Persona } from "./personas";

const ADMIN = [
  "Projects",
  "Catalog",
  "Members",
  "Roles",
  "Grants",
  "Labels",
  "Policies",
  "Packages",
  "Whitelists",
  "Settings",
  "Access reviews",
  "Check access",
  "Data flow",
  "Effective permissions",
];
const ACCESS = ["My access", "Requests"];
const OPERATOR = ["Tenants", "System whitelist"];
/** Every signed-in user's, the operator's included. */
const EVERYONE = ["API reference"];
const ALL = [...OPERATOR, "Tenant", ...ADMIN, ...ACCESS, "Audit log", ...EVERYONE];

/** Who sees what: each persona's navigation, and what must be absent from it. */
const NAVIGATION_CASES: { persona: Persona; sees: string[] }[] = [
  { persona: "alice", sees: ALL.filter((label) => !OPERATOR.includes(label)) },
  { persona: "bob", sees: [...ADMIN, ...ACCESS, ...EVERYONE] },
  // A member: the catalog (objects they may list, tables they may create) and grants (on what they created).
  { persona: "allen", sees: ["Catalog", "Grants", ...ACCESS, ...EVERYONE] },
  // The auditor: every project page read-only, the access checks (they change nothing), the projects'
  // requests, and the audit log.
  {
    persona: "audrey",
    sees: [...ADMIN.filter((label) => label !== "Catalog"), "Requests", "Audit log", ...EVERYONE],
  },
  { persona: "sam", sees: ALL.filter((label) => !OPERATOR.includes(label)) },
  { persona: "operator", sees: [...OPERATOR, ...EVERYONE] },
];

for (const { persona, sees } of NAVIGATION_CASES) {
  test(`${persona} signs in and lands on a home with exactly their navigation`, async ({ page }) => {
    await signIn(page, persona);
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByText(PERSONAS[persona]).first()).toBeVisible();
    const nav = page.getByRole("navigation", { name: /main/i });
    for (const label of ALL) {
      const link = nav.getByRole("link", { name: label, exact: true });
      if (sees.includes(label)) await expect(link).toBeVisible();
      else await expect(link).toHaveCount(0);
    }
  });
}

test("a wrong password shows the error and does not sign in", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill(PERSONAS.alice);
  await page.locator("input[name=password]").fill("not-the-right-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("form [role=alert]")).toHaveText(/email or password is incorrect/i);
  await expect(page).toHaveURL(/\/login/);
});

test("an unknown account gets the very same message", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill("nobody@wonderland.example");
  await page.locator("input[name=password]").fill("correct-horse-battery");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("form [role=alert]")).toHaveText(/email or password is incorrect/i);
});

const CONSOLE_PAGES = [
  "/",
  "/tenant",
  "/projects",
  "/catalog",
  "/check-access",
  "/effective-permissions",
  "/members",
  "/roles",
  "/grants",
  "/policies",
  "/whitelists",
  "/settings",
  "/my-access",
  "/audit",
  "/operator",
  "/operator/system-whitelist",
];

for (const path of CONSOLE_PAGES) {
  test(`an unauthenticated visit to ${path} goes to the login page`, async ({ page }) => {
    await page.goto(path);
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  });
}

/** Pages a persona must not open: the server answers 403 with the forbidden page, never the page itself. */
const FORBIDDEN_CASES: { persona: Persona; path: string }[] = [
  { persona: "allen", path: "/members" },
  { persona: "allen", path: "/tenant" },
  { persona: "allen", path: "/audit" },
  { persona: "bob", path: "/tenant" },
  { persona: "bob", path: "/audit" },
  // The auditor reads the projects' pages and asks the engine, but the administrators' tools stay closed to her.
  { persona: "audrey", path: "/statements" },
  { persona: "audrey", path: "/catalog" },
  { persona: "audrey", path: "/my-access" },
  { persona: "alice", path: "/operator" },
  { persona: "sam", path: "/operator/system-whitelist" },
  { persona: "operator", path: "/tenant" },
  { persona: "operator", path: "/projects" },
];

for (const { persona, path } of FORBIDDEN_CASES) {
  test(`${persona} opening ${path} gets a 403 page, not the page`, async ({ page }) => {
    await signIn(page, persona);
    const response = await page.goto(path);
    expect(response?.status()).toBe(403);
    await expect(page.getByText(/403 — You don't have access/)).toBeVisible();
  });
}

test("signing out ends the session on the server: a copy of the cookie taken before is refused", async ({ page }) => {
  await signIn(page, "allen");
  const captured = await page.context().cookies();
  expect((await page.request.get("/api/v1/me")).status()).toBe(200);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/my-access");
  await expect(page).toHaveURL(/\/login$/);

  // The stolen copy: the same cookie, replayed after sign-out, on the API and on a page.
  await page.context().addCookies(captured);
  expect((await page.request.get("/api/v1/me")).status()).toBe(401);
  await page.goto("/my-access");
  await expect(page).toHaveURL(/\/login$/);
});

test("sign out everywhere ends the user's sessions in every browser", async ({ browser }) => {
  test.setTimeout(180_000); // two sign-ins and a sign-out: slow on a busy machine
  const laptop = await browser.newPage();
  const phone = await browser.newPage();
  await signIn(laptop, "allen");
  await signIn(phone, "allen");
  expect((await phone.request.get("/api/v1/me")).status()).toBe(200);

  await laptop.getByText("Account", { exact: true }).click();
  await laptop.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(laptop).toHaveURL(/\/login/, { timeout: 30_000 });
  expect((await phone.request.get("/api/v1/me")).status()).toBe(401);
  await phone.goto("/my-access");
  await expect(phone).toHaveURL(/\/login$/);
  await laptop.close();
  await phone.close();
});
