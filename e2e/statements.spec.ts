import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { signIn } from "./personas";

/**
 * The command console as WonderLand's owner: the LabelSecurity manual's user_profile scenario typed as
 * statements and run with Ctrl+Enter, each change answered OK with a link to its page, DESCRIBE showing the
 * labels; an invalid statement pointed at; the history recalled with ↑; a table name completed.
 */
const SCENARIO = [
  "set LabelSecurity=true;",
  "set label 2 to table user_profile(mobile, user_addr, birthday);",
  "set label 3 to table user_profile(id_card, credit_card);",
  "GRANT LABEL 2 ON TABLE user_profile TO USER RAM$wonderland:allen WITH EXP 7;",
  "DESCRIBE user_profile",
].join("\n");

test("an admin runs the user_profile scenario in the command console and sees the results", async ({ page }) => {
  await signIn(page, "alice");
  await page.goto("/statements?project=WonderLand");
  await expect(page.getByRole("heading", { name: "Command console" })).toBeVisible();
  const editor = page.getByLabel("Statements in WonderLand");

  await editor.fill(SCENARIO);
  await editor.press("Control+Enter");
  const describe = page.getByRole("region", { name: "Rows of DESCRIBE user_profile" });
  await expect(describe).toBeVisible({ timeout: 20_000 });
  await expect(describe.getByRole("row", { name: /^mobile 2 column$/ })).toBeVisible();
  await expect(describe.getByRole("row", { name: /^id_card 3 column$/ })).toBeVisible();
  await expect(page.getByText("OK", { exact: true })).toHaveCount(4);
  const grantResult = page.getByRole("region", { name: /^Result of GRANT LABEL 2/ });
  await expect(grantResult.getByRole("link", { name: "Open the page" })).toHaveAttribute(
    "href",
    "/labels/grants?project=WonderLand",
  );

  // The results (tables, links) are as accessible as the page (axe: no serious or critical violation).
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(axe.violations.filter((violation) => ["serious", "critical"].includes(violation.impact ?? ""))).toEqual([]);

  // An invalid value: nothing runs, the error points at the token.
  await editor.fill("SHOW LABEL GRANTS;\nSET LABEL 12 TO USER RAM$wonderland:allen");
  await editor.press("Control+Enter");
  const alert = page.getByRole("alert").filter({ hasText: "does not parse" });
  await expect(alert).toContainText("line 2, column 11");
  await expect(alert).toContainText("A label is a whole number from 0 to 9, not 12.");
  await expect(alert.getByLabel("Line 2, column 11")).toContainText("^");

  // ↑ on the first line recalls the previous statements, newest first.
  await editor.fill("");
  await editor.press("ArrowUp");
  await expect(editor).toHaveValue("SHOW LABEL GRANTS;\nSET LABEL 12 TO USER RAM$wonderland:allen");
  await editor.press("ArrowUp");
  await expect(editor).toHaveValue(SCENARIO);

  // Completion of the project's names: Tab takes the first one.
  await editor.fill("DESCRIBE user_pro");
  await expect(page.getByRole("button", { name: "user_profile", exact: true })).toBeVisible({ timeout: 10_000 });
  await editor.press("Tab");
  await expect(editor).toHaveValue(/^DESCRIBE user_profile/);
});
