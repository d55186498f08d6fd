import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./personas";

/**
 * audrey, the wonderland account's Auditor, reads WonderLand's security state page by page: she sees its data
 * and a note that she reads only, and no control that would change anything (the server refuses those anyway:
 * tests/services/auditor-read-only.test.ts).
 */
const CHANGES =
  /^(add|remove|revoke|grant|save|delete|drop|create|assign|set|install|uninstall|clear|approve|deny|withdraw|edit|attach|allow|disallow)\b/i;

async function readsOnly(page: Page) {
  const main = page.getByRole("main");
  await expect(main.getByText("Read-only: you are an auditor")).toBeVisible();
  // Nothing that changes: no button named for a change, no switch, no editable policy.
  const buttons = await main.getByRole("button").allInnerTexts();
  expect(buttons.filter((name) => CHANGES.test(name.trim()))).toEqual([]);
  await expect(main.getByRole("switch")).toHaveCount(0);
  await expect(main.locator("textarea:not([readonly])")).toHaveCount(0);
}

test.describe("the auditor's read-only views", () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, "audrey");
  });

  test("audrey sees the projects' pages in her navigation and every project of her account in the picker", async ({
    page,
  }) => {
    const nav = page.getByRole("navigation", { name: /main/i });
    for (const label of ["Members", "Grants", "Policies", "Whitelists", "Settings", "Requests"])
      await expect(nav.getByRole("link", { name: label, exact: true })).toBeVisible();
    await nav.getByRole("link", { name: "Members", exact: true }).click();
    const picker = page.getByLabel("Project");
    await expect(picker.locator("option")).toHaveText(["WonderLand", "WonderLand_dev"]);
  });

  test("members of WonderLand", async ({ page }) => {
    await page.goto("/members?project=WonderLand");
    await expect(page.getByRole("heading", { level: 1, name: "Members of WonderLand" })).toBeVisible();
    await expect(page.getByRole("main").getByText("RAM$wonderland:allen")).toBeVisible();
    await readsOnly(page);
  });

  test("grants of WonderLand", async ({ page }) => {
    await page.goto("/grants?project=WonderLand");
    await expect(page.getByRole("heading", { level: 1, name: "Grants in WonderLand" })).toBeVisible();
    await expect(page.getByRole("main").getByText("Every grant in the project.").first()).toBeVisible();
    await expect(page.getByRole("main").getByRole("row").nth(1)).toBeVisible();
    await readsOnly(page);
  });

  test("policies of WonderLand", async ({ page }) => {
    await page.goto("/policies?project=WonderLand");
    await expect(page.getByRole("heading", { level: 1, name: "Policies" })).toBeVisible();
    await expect(page.getByRole("main").locator("pre").first()).toContainText('"Statement"');
    await readsOnly(page);
  });

  test("the whitelist of WonderLand", async ({ page }) => {
    await page.goto("/whitelists?project=WonderLand");
    await expect(page.getByRole("heading", { level: 1, name: "Whitelists" })).toBeVisible();
    await expect(page.getByRole("main").getByText("10.0.0.0/8")).toBeVisible();
    await readsOnly(page);
  });

  test("the settings of WonderLand", async ({ page }) => {
    await page.goto("/settings?project=WonderLand");
    await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
    const main = page.getByRole("main");
    await expect(main.getByText("LabelSecurity", { exact: true })).toBeVisible();
    await expect(main.getByRole("list", { name: "Trusted projects" })).toContainText("WonderLand_dev");
    await readsOnly(page);
  });

  test("audrey asks why allen may read user_profile's mobile column: the engine's answer, layer by layer", async ({
    page,
  }) => {
    const nav = page.getByRole("navigation", { name: /main/i });
    for (const label of ["Check access", "Check a query", "Data flow"])
      await expect(nav.getByRole("link", { name: label, exact: true })).toBeVisible();
    await page.goto(
      "/check-access?project=WonderLand&principal=allen%40wonderland.example&objectType=Table&objectName=user_profile&action=Select&columns=mobile",
    );
    await expect(page.getByRole("region", { name: "Verdict" })).toContainText("Allowed");
    await expect(
      page.getByRole("region", { name: "How each layer decided" }).getByRole("row", { name: /^Label security/ }),
    ).toContainText(/covered by GRANT LABEL 2/);
  });

  test("the requests of WonderLand", async ({ page }) => {
    await page.goto("/requests?view=project&project=WonderLand");
    await expect(page.getByRole("heading", { level: 1, name: "Requests" })).toBeVisible();
    await expect(page.getByRole("main").getByText("asked by").first()).toBeVisible();
    await readsOnly(page);
  });
});
