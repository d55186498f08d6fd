import { readFile } from "node:fs/promises";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { signIn, type Persona } from "./personas";

/**
 * The requesting user's journey (issue 11): allen, an ordinary member of WonderLand, asks for a 7-day label
 * grant on user_profile's level-2 columns with a reason, previewing first; bob (Admin) approves it; allen's My
 * access then shows the label grant active and none of his columns hidden by labels. A second request is
 * denied with a comment, and allen sees why.
 */
const LEVEL_2 = "mobile,user_addr,birthday";
const toast = (page: Page, text: string | RegExp) =>
  page.getByRole("region", { name: "Notifications" }).getByText(text).first();

async function signedIn(browser: Browser, persona: Persona): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, persona);
  return page;
}

/** allen asks for a label grant through the form, previewing it first. */
async function askForLabel(page: Page, columns: string, level: string, reason: string) {
  await page.goto("/my-access?project=WonderLand");
  await page.getByRole("link", { name: "Ask for access" }).click();
  await expect(page).toHaveURL(/\/requests\/new\?project=WonderLand/);
  const form = page.getByRole("form", { name: "Ask for access" });
  await form.getByLabel("What do you need?").selectOption("label");
  await form.getByLabel("Table").fill("user_profile");
  await form.getByLabel("Columns (optional)").fill(columns);
  await form.getByLabel("Level").fill(level);
  await form.getByLabel("Reason").fill(reason);
  await form.getByLabel("Days").fill("7");
  await form.getByRole("button", { name: "Preview" }).click();
  const preview = page.getByRole("region", { name: "Preview" });
  await expect(preview.getByText(/today/).first()).toBeVisible({ timeout: 20_000 });
  await expect(preview.getByText("Deny", { exact: true }).first()).toBeVisible();
  await form.getByRole("button", { name: "Send request" }).click();
  await expect(page.getByText("Request sent")).toBeVisible({ timeout: 20_000 });
}

/** bob decides allen's pending request for `summary` on the To approve tab. */
async function decide(page: Page, summary: string, button: "Approve" | "Deny", comment: string) {
  await page.goto("/requests?view=to-approve&status=PENDING");
  const form = page.getByRole("form", { name: `Decide the request for ${summary}` });
  await form.getByLabel("Comment").fill(comment);
  await form.getByRole("button", { name: button }).click();
  await expect(toast(page, button === "Approve" ? "Request approved" : "Request denied")).toBeVisible({
    timeout: 20_000,
  });
}

test("allen asks for a 7-day label grant, bob approves, the columns open; a second request is denied and allen sees why", async ({
  browser,
}) => {
  // Three sign-ins, two requests with previews, two decisions and an export: about 50 s on a quiet machine.
  test.setTimeout(120_000);
  const allen = await signedIn(browser, "allen");
  const bob = await signedIn(browser, "bob");

  await askForLabel(allen, LEVEL_2, "2", "Churn model needs contact and age columns.");
  const granted = "label 2 on Table user_profile(mobile, user_addr, birthday)";
  await allen.goto("/requests");
  await expect(allen.getByRole("row").filter({ hasText: granted })).toContainText("Pending");

  await decide(bob, granted, "Approve", "For the churn model, 7 days.");

  await allen.goto("/my-access?project=WonderLand&q=user_profile");
  await expect(allen.getByRole("row").filter({ hasText: "mobile, user_addr, birthday" })).toContainText("Active");
  const row = allen
    .getByRole("region", { name: /^Effective permissions of/ })
    .getByRole("row")
    .filter({ hasText: "user_profile" })
    .first();
  // allen's Select covers mobile among the labelled columns: with the label grant, nothing he may select is hidden
  // by labels any more (the row's last cell).
  await expect(row.getByRole("cell").last()).toHaveText("—");

  await askForLabel(allen, "id_card", "3", "Fraud review.");
  const denied = "label 3 on Table user_profile(id_card)";
  await decide(bob, denied, "Deny", "Level 3 data needs the data protection officer's sign-off.");
  await allen.goto("/requests");
  const deniedRow = allen.getByRole("row").filter({ hasText: denied });
  await expect(deniedRow).toContainText("Denied");
  await expect(deniedRow).toContainText("Why: Level 3 data needs the data protection officer's sign-off.");

  // The auditor: audrey finds both requests, the approval that applied the grant and the denial in the audit log,
  // and exports them as CSV.
  const audrey = await signedIn(browser, "audrey");
  await audrey.goto("/audit?project=WonderLand&q=request.");
  const events = audrey.getByRole("region", { name: "Audit events" }).locator("tbody tr");
  for (const action of ["request.create", "request.approve", "request.deny"]) {
    await expect(events.filter({ hasText: action }).first()).toBeVisible();
  }
  await events.filter({ hasText: "request.approve" }).first().getByRole("link").click();
  await expect(audrey.getByRole("heading", { name: /^Event \d+: request\.approve$/ })).toBeVisible();
  // The approval's record holds the grant it applied, with its expiry.
  await expect(audrey.getByText("expiresAt").first()).toBeVisible();

  await audrey.goto("/audit?project=WonderLand&q=request.");
  const downloading = audrey.waitForEvent("download");
  await audrey.getByRole("link", { name: "Export CSV" }).click();
  const csv = await readFile((await (await downloading).path())!, "utf8");
  for (const action of ["request.create", "request.approve", "request.deny"]) expect(csv).toContain(`"${action}"`);
});
