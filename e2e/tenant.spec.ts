import { expect, test } from "@playwright/test";
import { signIn } from "./personas";

const PASSPHRASE = "a-long-enough-e2e-passphrase";

test("alice creates a sub-account; it signs in; disabling it ends its session on the next request", async ({
  browser,
}) => {
  const admin = await browser.newPage();
  await signIn(admin, "alice");
  await admin.goto("/tenant");
  const form = admin.getByRole("form", { name: "Create a sub-account" });
  await form.getByRole("textbox", { name: "Name", exact: true }).fill("e2e_carol");
  await form.getByRole("textbox", { name: "Display name" }).fill("Carol Example");
  await form.getByRole("textbox", { name: "Email" }).fill("e2e-carol@wonderland.example");
  await form.locator("input[name=password]").fill("short");
  await form.getByRole("button", { name: "Create sub-account" }).click();
  await expect(form.getByText(/at least 15 characters/i).first()).toBeVisible();
  await expect(form.getByRole("textbox", { name: "Name", exact: true })).toHaveValue("e2e_carol");

  await form.locator("input[name=password]").fill(PASSPHRASE);
  await form.getByRole("button", { name: "Create sub-account" }).click();
  await expect(admin.getByText("RAM$wonderland:e2e_carol").first()).toBeVisible();

  const carol = await (await browser.newContext()).newPage();
  await carol.goto("/login");
  await carol.getByLabel("Email").fill("e2e-carol@wonderland.example");
  await carol.locator("input[name=password]").fill(PASSPHRASE);
  await carol.getByRole("button", { name: "Sign in" }).click();
  await expect(carol.getByRole("heading", { level: 1, name: /^Welcome/ })).toBeVisible();

  await admin.getByRole("button", { name: "Disable e2e-carol@wonderland.example" }).click();
  await expect(admin.getByRole("button", { name: "Enable e2e-carol@wonderland.example" })).toBeVisible();

  await carol.reload();
  await expect(carol).toHaveURL(/\/login$/);
});

test("bob, a project admin without account rights, cannot open the tenant page", async ({ page }) => {
  await signIn(page, "bob");
  const response = await page.goto("/tenant");
  expect(response?.status()).toBe(403);
});
