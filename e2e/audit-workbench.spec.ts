import { expect, test } from "@playwright/test";
import { readFile } from "node:fs/promises";
import { signIn } from "./personas";

test("audrey filters the audit log, opens an event, exports CSV and verifies the chain", async ({ page }) => {
  await signIn(page, "audrey");
  await page.goto("/audit");

  // Filter: her own sign-in, exactly by actor (a sign-in names the account's email) and action.
  const filters = page.getByRole("form", { name: "Filter events" });
  await filters.getByLabel("Actor").fill("audrey@wonderland.example");
  await filters.getByLabel("Action").fill("auth.sign-in");
  await filters.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/actor=audrey%40wonderland\.example/);
  const rows = page.getByRole("region", { name: "Audit events" }).locator("tbody tr");
  await expect(rows.first()).toContainText("auth.sign-in");
  for (const text of await rows.allTextContents()) expect(text).toContain("audrey@wonderland.example");

  // The event's detail.
  await rows.first().getByRole("link").click();
  await expect(page.getByRole("heading", { name: /^Event \d+: auth\.sign-in$/ })).toBeVisible();
  await expect(page.getByText("Before and after").first()).toBeVisible();
  await page.getByRole("link", { name: "← Back to the audit log" }).click();

  // Export of the filtered set, as a download.
  await page.goto("/audit?action=auth.sign-in");
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^audit-wonderland-.*\.csv$/);
  const csv = await readFile((await download.path())!, "utf8");
  expect(csv.split("\r\n")[0]).toContain('"seq","at","actor"');
  expect(csv).toContain('"auth.sign-in"');

  // Verify the chain.
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByRole("status").filter({ hasText: /^OK: all [\d,]+ events verify\.$/ })).toBeVisible();
  // The run is listed among the recent verifications, as hers.
  const recent = page.getByRole("region", { name: "Recent verifications" });
  await expect(recent.locator("tbody tr").first()).toContainText("PASSED");
  await expect(recent.locator("tbody tr").first()).toContainText("audrey");
});
