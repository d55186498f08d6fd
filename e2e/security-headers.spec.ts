import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./personas";

/** Console messages and page errors that report a Content-Security-Policy violation. */
function collectViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (execute|load|apply)/i.test(message.text()))
      violations.push(message.text());
  });
  page.on("pageerror", (error) => {
    if (/Content Security Policy/i.test(error.message)) violations.push(error.message);
  });
  return violations;
}

test("pages carry a nonce-based Content-Security-Policy (no inline scripts) and HSTS", async ({ request }) => {
  const [first, second] = [await request.get("/login"), await request.get("/login")];
  const policy = first.headers()["content-security-policy"] ?? "";
  const scriptSources = /script-src ([^;]*)/.exec(policy)?.[1] ?? "";
  expect(scriptSources).toMatch(/'nonce-[A-Za-z0-9+/=]{16,}'/);
  expect(scriptSources).not.toContain("unsafe-inline");
  expect(scriptSources).not.toContain("unsafe-eval");
  expect(policy).toContain("object-src 'none'");
  expect(policy).toContain("frame-ancestors 'none'");
  expect(second.headers()["content-security-policy"]).not.toEqual(policy);
  // Next puts the request's nonce on its own scripts.
  const nonce = /'nonce-([^']+)'/.exec(scriptSources)![1]!;
  expect(await first.text()).toContain(`nonce="${nonce}"`);
  expect(first.headers()["strict-transport-security"]).toBe("max-age=63072000; includeSubDomains");
});

test("signing in and the console's pages run with the CSP on, without a violation", async ({ page }) => {
  const violations = collectViolations(page);
  await signIn(page, "alice");
  for (const path of ["/audit", "/policies", "/grants"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  }
  expect(violations).toEqual([]);
});
