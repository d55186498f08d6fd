import AxeBuilder from "@axe-core/playwright";
import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { signIn, type Persona } from "./personas";

/**
 * Every page, as the persona who uses it, passes axe (WCAG 2.x A and AA rules) with no serious or critical
 * violation. Pages are checked in the state a person first sees them, and again with a list filtered to
 * nothing (the empty state) where the page has a filter.
 */
const PAGES: { persona: Persona; path: string }[] = [
  { persona: "alice", path: "/" },
  { persona: "alice", path: "/tenant" },
  { persona: "alice", path: "/projects" },
  { persona: "alice", path: "/projects?q=no-such-project" },
  { persona: "alice", path: "/catalog" },
  // sales_orders rather than the 100-column user_profile: the same page, and axe over 100 column editors takes minutes.
  { persona: "alice", path: "/catalog/Table/sales_orders" },
  { persona: "alice", path: "/catalog/Function/udf_mask_mobile" },
  { persona: "alice", path: "/members" },
  { persona: "alice", path: "/roles" },
  { persona: "alice", path: "/roles/analyst" },
  { persona: "alice", path: "/grants" },
  { persona: "alice", path: "/labels" },
  { persona: "alice", path: "/labels?kind=Role&q=no-such-role" },
  { persona: "alice", path: "/labels/grants" },
  { persona: "alice", path: "/labels/grants?view=table&objectName=user_profile" },
  // sales_orders rather than user_profile here too: the same pages, without axe walking 100 column controls.
  { persona: "alice", path: "/labels/object?objectType=Table&objectName=sales_orders" },
  { persona: "alice", path: "/labels/matrix?objectType=Table&objectName=sales_orders" },
  { persona: "alice", path: "/policies" },
  { persona: "alice", path: "/whitelists" },
  { persona: "alice", path: "/webhooks" },
  { persona: "alice", path: "/settings" },
  { persona: "alice", path: "/packages" },
  { persona: "alice", path: "/packages?q=no-such-package" },
  { persona: "alice", path: "/packages/wonderland_share?project=WonderLand" },
  { persona: "alice", path: "/packages?project=WonderLand_dev&view=installed" },
  { persona: "alice", path: "/packages/WonderLand.wonderland_share?project=WonderLand_dev" },
  { persona: "alice", path: "/check-access" },
  { persona: "alice", path: "/statements" },
  { persona: "alice", path: "/check-query" },
  {
    persona: "alice",
    path: "/data-flow?project=WonderLand&principal=RAM%24wonderland%3Abob&operation=read&objectName=dim_region&targetProject=SecretGarden",
  },
  { persona: "alice", path: "/effective-permissions" },
  {
    persona: "alice",
    path: "/effective-permissions?project=WonderLand&view=object&objectType=Table&objectName=user_profile&column=id_card&effect=Deny",
  },
  { persona: "alice", path: "/audit" },
  { persona: "allen", path: "/my-access" },
  { persona: "allen", path: "/requests" },
  { persona: "bob", path: "/inbox" },
  { persona: "allen", path: "/requests?view=to-approve" },
  { persona: "bob", path: "/requests?view=to-approve" },
  { persona: "allen", path: "/requests/new?kind=label&table=user_profile&columns=birthday&level=2" },
  { persona: "alice", path: "/access-keys" },
  { persona: "bob", path: "/access-keys" },
  { persona: "audrey", path: "/audit" },
  { persona: "audrey", path: "/audit/decisions" },
  { persona: "audrey", path: "/audit/events/1" },
  { persona: "alice", path: "/reviews" },
  { persona: "audrey", path: "/reviews?project=WonderLand" },
  // The auditor's read-only views of the projects' pages.
  { persona: "audrey", path: "/members" },
  { persona: "audrey", path: "/roles/analyst" },
  { persona: "audrey", path: "/grants" },
  { persona: "audrey", path: "/policies" },
  { persona: "audrey", path: "/whitelists" },
  { persona: "audrey", path: "/settings" },
  { persona: "audrey", path: "/packages/wonderland_share?project=WonderLand" },
  { persona: "audrey", path: "/requests?view=project" },
  {
    persona: "audrey",
    path: "/check-access?project=WonderLand&principal=allen%40wonderland.example&objectType=Table&objectName=user_profile&action=Select",
  },
  { persona: "audrey", path: "/data-flow?project=WonderLand" },
  { persona: "operator", path: "/operator" },
  { persona: "operator", path: "/operator/system-whitelist" },
  { persona: "allen", path: "/api-reference" },
  { persona: "alice", path: "/api-reference?q=no-such-operation" },
  { persona: "operator", path: "/api-reference?tag=Operator" },
];

const BLOCKING_IMPACTS = new Set(["serious", "critical"]);

async function blockingViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations
    .filter((violation) => BLOCKING_IMPACTS.has(violation.impact ?? ""))
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`,
    );
}

test("the sign-in page has no serious or critical accessibility violation", async ({ page }) => {
  await page.goto("/login");
  expect(await blockingViolations(page)).toEqual([]);
});

/**
 * Each persona signs in once for this file (the first of its pages) and its session's cookies open the others:
 * the sign-in's own page is checked above, and a sign-in per page cost several seconds of argon2 and rendering.
 */
const sessions = new Map<Persona, Awaited<ReturnType<BrowserContext["storageState"]>>>();

for (const { persona, path } of PAGES) {
  test(`${path} as ${persona} has no serious or critical accessibility violation`, async ({ browser }) => {
    // axe walks every node: a 100-column table's page takes a while on a busy 2-core machine.
    test.setTimeout(120_000);
    const saved = sessions.get(persona);
    const context = await browser.newContext(saved ? { storageState: saved } : {});
    const page = await context.newPage();
    if (!saved) {
      await signIn(page, persona);
      sessions.set(persona, await context.storageState());
    }
    const response = await page.goto(path);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    expect(await blockingViolations(page)).toEqual([]);
    await context.close();
  });
}

test("an access review's page, open as alice and closed (its report) as audrey, has no serious or critical violation", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, "alice");
  const headers = { Origin: baseURL! };
  // The analyst role's one function grant: kept, so closing the review revokes nothing.
  const started = await page.request.post("/api/v1/projects/WonderLand/reviews", {
    data: { title: "Accessibility review", days: 7, objectPrefix: "udf_" },
    headers,
  });
  expect(started.status()).toBe(200);
  const review = ((await started.json()) as { data: { id: string } }).data.id;
  const path = `/reviews/${review}?project=WonderLand`;
  expect((await page.goto(path))?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(await blockingViolations(page)).toEqual([]);
  // With rows selected for a bulk decision (the count and the enabled Keep/Revoke selected) too.
  await page.waitForLoadState("networkidle");
  await page.getByRole("checkbox", { name: "Select every undecided item on this page" }).check();
  await expect(page.getByTestId("selected-count")).toHaveText("1 selected");
  expect(await blockingViolations(page)).toEqual([]);
  const items = (await (await page.request.get(`/api/v1/projects/WonderLand/reviews/${review}`)).json()) as {
    data: { items: { id: string }[] };
  };
  await page.request.post(`/api/v1/projects/WonderLand/reviews/${review}/decisions`, {
    data: { items: items.data.items.map((item) => item.id), decision: "keep", comment: "still used" },
    headers,
  });
  expect(
    (await page.request.post(`/api/v1/projects/WonderLand/reviews/${review}/close`, { data: {}, headers })).status(),
  ).toBe(200);
  await context.close();

  const auditor = await browser.newContext();
  const audrey = await auditor.newPage();
  await signIn(audrey, "audrey");
  expect((await audrey.goto(path))?.status()).toBe(200);
  await expect(audrey.getByTestId("review-report")).toBeVisible();
  expect(await blockingViolations(audrey)).toEqual([]);
  await auditor.close();
});

test("the audit page after a verification (its verdict and the recent verifications table) as audrey has no serious or critical violation", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signIn(page, "audrey");
  expect((await page.goto("/audit"))?.status()).toBe(200);
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByRole("status").filter({ hasText: /^OK: all [\d,]+ events verify\.$/ })).toBeVisible();
  await expect(page.getByRole("region", { name: "Recent verifications" }).locator("tbody tr").first()).toBeVisible();
  expect(await blockingViolations(page)).toEqual([]);
});
