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
  await expect(auditor.getByRole("region", { name: "Audit events" }).locator("tbody tr").first()).toContainText(
    "allen@wonderland.example",
  );
});

test("the auditor sees the account's activity per day above the log, drawn without console errors", async ({
  page,
}) => {
  const consoleErrors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => consoleErrors.push(error.message));
  await signIn(page, "audrey");
  await page.goto("/audit");

  const chart = page.getByRole("figure", { name: /^[\d,]+ events? in the last 30 days, [\d,]+ denied$/ });
  await expect(chart).toBeVisible();
  await expect(chart.locator(".recharts-bar-rectangle").first()).toBeVisible();
  const rows = chart.getByRole("table", { name: "Audit events per day (UTC), the last 30 days" }).locator("tbody tr");
  await expect(rows).toHaveCount(30);

  // The caption's numbers are the table's: the total of every cell, and of the Denied column.
  const cells = await rows.evaluateAll((trs) =>
    trs.map((tr) => Array.from(tr.querySelectorAll("td"), (td) => Number(td.textContent))),
  );
  const caption = (await chart.locator("figcaption").textContent()) ?? "";
  const [, total, denied] = (/^([\d,]+) events? in the last 30 days, ([\d,]+) denied$/.exec(caption) ?? []).map(
    (number) => Number(number.replaceAll(",", "")),
  );
  expect(total).toBeGreaterThan(0);
  expect(cells.flat().reduce((sum, value) => sum + value, 0)).toBe(total);
  expect(cells.reduce((sum, [, deniedThatDay = 0]) => sum + deniedThatDay, 0)).toBe(denied);

  await expect(page.getByRole("region", { name: "Audit events" })).toBeVisible();
  expect(consoleErrors).toEqual([]);
});
