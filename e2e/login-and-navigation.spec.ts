import { expect, test } from "@playwright/test";
import { PERSONAS, signIn, type Persona } from "./personas";

const ADMIN = ["Projects", "Catalog", "Members", "Roles", "Grants", "Policies", "Whitelists", "Settings", "Check access", "Effective permissions"];
const ACCESS = ["My access"];
const ALL = ["Tenant", ...ADMIN, ...ACCESS, "Audit log"];

/** Who sees what: each persona's navigation, and what must be absent from it. */
const NAVIGATION_CASES: { persona: Persona; sees: string[] }[] = [
  { persona: "alice", sees: ALL },
  { persona: "bob", sees: [...ADMIN, ...ACCESS] },
  { persona: "allen", sees: ACCESS },
  { persona: "audrey", sees: ["Audit log"] },
  { persona: "sam", sees: ALL },
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

const CONSOLE_PAGES = ["/", "/tenant", "/projects", "/catalog", "/check-access", "/effective-permissions", "/members", "/roles", "/grants", "/policies", "/whitelists", "/settings", "/my-access", "/audit"];

for (const path of CONSOLE_PAGES) {
  test(`an unauthenticated visit to ${path} goes to the login page`, async ({ page }) => {
    await page.goto(path);
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  });
}

/** Pages a persona must not open: the server answers 403 with the forbidden page, never the page itself. */
const FORBIDDEN_CASES: { persona: Persona; path: string }[] = [
  { persona: "allen", path: "/grants" },
  { persona: "allen", path: "/tenant" },
  { persona: "allen", path: "/audit" },
  { persona: "bob", path: "/tenant" },
  { persona: "bob", path: "/audit" },
  { persona: "audrey", path: "/projects" },
  { persona: "audrey", path: "/my-access" },
];

for (const { persona, path } of FORBIDDEN_CASES) {
  test(`${persona} opening ${path} gets a 403 page, not the page`, async ({ page }) => {
    await signIn(page, persona);
    const response = await page.goto(path);
    expect(response?.status()).toBe(403);
    await expect(page.getByText(/403 — You don't have access/)).toBeVisible();
  });
}

test("signing out ends the session", async ({ page }) => {
  await signIn(page, "allen");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/my-access");
  await expect(page).toHaveURL(/\/login$/);
});

test("parts of the console not built yet have no page and no menu entry", async ({ page }) => {
  await signIn(page, "alice");
  for (const path of ["/labels", "/requests"]) {
    expect((await page.goto(path))?.status(), path).toBe(404);
  }
});
