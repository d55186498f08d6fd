import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { signIn } from "./personas";

test("alice checks allen's query: the columns he may read are allowed, the labelled ones denied, each with its reason", async ({
  page,
}) => {
  await signIn(page, "alice");
  await page.getByRole("navigation", { name: /main/i }).getByRole("link", { name: "Check a query" }).click();
  // Generous waits for the server's answers: a shared machine may be slow to render and decide.
  await expect(page.getByRole("heading", { level: 1, name: "Check a query" })).toBeVisible({ timeout: 20_000 });
  const form = page.getByRole("form", { name: "Check a query" });
  await form.getByLabel("Principal").fill("RAM$wonderland:allen");

  // SQL it cannot read is pointed out at the field, with the line and column.
  await form.getByLabel("SQL").fill("SELECT id\nFROM user_profile LATERAL VIEW explode(tags) t AS tag");
  await form.getByRole("button", { name: "Check query" }).click();
  await expect(form.getByLabel("SQL")).toHaveAccessibleDescription(/line 2, column 27: unexpected "VIEW"/, {
    timeout: 20_000,
  });

  await form
    .getByLabel("SQL")
    .fill("SELECT p.id, p.gender, p.mobile, p.credit_card\nFROM user_profile p WHERE p.city = 'Hangzhou'");
  await form.getByRole("button", { name: "Check query" }).click();
  await expect(page.getByRole("region", { name: "Verdict" })).toContainText("Denied", { timeout: 20_000 });
  await expect(
    page.getByRole("region", { name: "Tables read" }).getByRole("row", { name: /WonderLand\.user_profile/ }),
  ).toContainText("5 columns");
  const columns = page.getByRole("region", { name: "Columns of WonderLand.user_profile" });
  await expect(columns.getByRole("row", { name: /^id\b/ })).toContainText("Allowed");
  await expect(columns.getByRole("row", { name: /^mobile\b/ })).toContainText("Allowed");
  await expect(columns.getByRole("row", { name: /^credit_card\b/ })).toContainText("Denied");
  await expect(columns.getByRole("row", { name: /^credit_card\b/ })).toContainText(/label/i);
  // The query stays in the box for the next edit.
  await expect(form.getByLabel("SQL")).toHaveValue(/credit_card/);

  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations.filter((violation) => ["serious", "critical"].includes(violation.impact ?? ""))).toEqual(
    [],
  );
});

test("allen has no Check a query entry, and the page refuses him", async ({ page }) => {
  await signIn(page, "allen");
  await expect(
    page.getByRole("navigation", { name: /main/i }).getByRole("link", { name: "Check a query" }),
  ).toHaveCount(0);
  const response = await page.goto("/check-query");
  expect(response?.status()).toBe(403);
});
