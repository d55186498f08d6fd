import { expect, test } from "@playwright/test";
import { signIn } from "./personas";

test("a client cannot choose the address the audit log (and the whitelist) sees", async ({ browser }) => {
  const spoofing = await browser.newContext({
    extraHTTPHeaders: { "X-Forwarded-For": "10.66.66.66", "X-SC-Client-IP": "10.77.77.77", "X-Real-IP": "10.88.88.88" },
  });
  await signIn(await spoofing.newPage(), "bob");
  await spoofing.close();

  const auditor = await browser.newPage();
  await signIn(auditor, "alice");
  await auditor.goto("/audit?q=bob%40wonderland.example");
  const firstRow = auditor.getByRole("region", { name: "Audit events" }).locator("tbody tr").first();
  await expect(firstRow).toContainText("auth.sign-in");
  await expect(firstRow).toContainText(/127\.0\.0\.1|::1/);
  await expect(firstRow).not.toContainText(/10\.(66|77|88)\./);
});

test("the audit log tells its reader about events that arrive while it is open", async ({ browser }) => {
  const auditor = await browser.newPage();
  await signIn(auditor, "alice");
  await auditor.goto("/audit");
  await expect(auditor.getByRole("region", { name: "Audit events" })).toBeVisible();

  const other = await (await browser.newContext()).newPage();
  await signIn(other, "allen");

  const notice = auditor.getByRole("status").filter({ hasText: /new events? since you opened this page/ });
  await expect(notice).toBeVisible({ timeout: 30_000 });
  await notice.getByRole("button", { name: "Show them" }).click();
  await expect(auditor.getByRole("region", { name: "Audit events" }).locator("tbody tr").first()).toContainText("allen@wonderland.example");
});
