import { expect as baseExpect, test, type Page } from "@playwright/test";
import { signIn } from "./personas";

// Long journeys through several sign-ins and server actions: generous on a busy machine.
const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ timeout: 240_000 });

const toast = (page: Page, text: string | RegExp) =>
  page.getByRole("region", { name: "Notifications" }).getByText(text).first();

/**
 * A light accessibility check (@axe-core/playwright is not a dependency of this project): one h1, and every
 * visible form control has an accessible name.
 */
async function expectBasicAccessibility(page: Page) {
  await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
  const unnamed = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>("input:not([type=hidden]), select, textarea, button")]
      .filter((element) => element.offsetParent !== null)
      .filter((element) => {
        const labelled =
          (element as HTMLInputElement).labels?.length ||
          element.getAttribute("aria-label") ||
          element.getAttribute("aria-labelledby");
        return !labelled && !(element.tagName === "BUTTON" && element.textContent?.trim());
      })
      .map((element) => element.outerHTML.slice(0, 120)),
  );
  expect(unnamed).toEqual([]);
}

async function signInAs(page: Page, email: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.locator("input[name=password]").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("the operator creates a tenant with a generated password; its owner signs in; disabling it shuts them out until re-enabled", async ({
  browser,
}) => {
  const operator = await browser.newPage();
  await signIn(operator, "operator");
  await operator.getByRole("navigation", { name: /main/i }).getByRole("link", { name: "Tenants", exact: true }).click();
  await expect(operator.getByRole("heading", { level: 1, name: "Tenants" })).toBeVisible();
  const tenants = operator.getByRole("region", { name: "Tenants" });
  await expect(tenants.getByRole("row").filter({ hasText: "alice@wonderland.example" })).toBeVisible();
  await expect(tenants.getByText("platform", { exact: true })).toHaveCount(0);
  await expectBasicAccessibility(operator);

  await operator.getByRole("searchbox", { name: "Search tenants" }).fill("garden");
  await operator.getByRole("button", { name: "Apply" }).click();
  await expect(tenants.getByRole("row").filter({ hasText: "sam@secretgarden.example" })).toBeVisible();
  await expect(tenants.getByRole("row").filter({ hasText: "alice@wonderland.example" })).toHaveCount(0);
  await operator.getByRole("link", { name: "Clear" }).click();

  const form = operator.getByRole("form", { name: "Create a tenant" });
  await form.getByRole("textbox", { name: "Tenant name" }).fill("wonderland");
  await form.getByRole("textbox", { name: "Organisation" }).fill("Looking Glass Ltd.");
  await form.getByRole("textbox", { name: "Owner's email" }).fill("lewis@lookingglass.example");
  await form.getByRole("textbox", { name: "Owner's name" }).fill("Lewis Carroll");
  await form.getByRole("button", { name: "Create tenant" }).click();
  await expect(form.getByText("Another tenant has this name.")).toBeVisible();
  await form.getByRole("textbox", { name: "Tenant name" }).fill("lookingglass");
  await form.getByRole("button", { name: "Create tenant" }).click();
  const created = operator.getByRole("status").filter({ hasText: "Tenant lookingglass created" });
  await expect(created).toContainText("ALIYUN$lewis@lookingglass.example");
  const password = (await created.getByLabel("Generated initial password").textContent())!.trim();
  expect(password.length).toBeGreaterThanOrEqual(15);
  await expect(tenants.getByRole("row").filter({ hasText: "lewis@lookingglass.example" })).toContainText("Active");

  const owner = await (await browser.newContext()).newPage();
  await signInAs(owner, "lewis@lookingglass.example", password);
  await expect(owner.getByRole("heading", { level: 1, name: "Welcome, Lewis" })).toBeVisible();
  await expect(
    owner.getByRole("navigation", { name: /main/i }).getByRole("link", { name: "Tenant", exact: true }),
  ).toBeVisible();

  await tenants.getByRole("button", { name: "Disable tenant lookingglass" }).click();
  await operator
    .getByRole("dialog", { name: "Disable tenant lookingglass?" })
    .getByRole("button", { name: "Disable tenant" })
    .click();
  await expect(toast(operator, "Tenant lookingglass disabled")).toBeVisible();
  await expect(tenants.getByRole("row").filter({ hasText: "lewis@lookingglass.example" })).toContainText("Disabled");

  await owner.reload();
  await expect(owner).toHaveURL(/\/login$/);
  await signInAs(owner, "lewis@lookingglass.example", password);
  await expect(owner.locator("form [role=alert]")).toHaveText(/email or password is incorrect/i);

  await operator.getByRole("combobox", { name: "Status" }).selectOption("disabled");
  await operator.getByRole("button", { name: "Apply" }).click();
  await expect(tenants.getByRole("row").filter({ hasText: "lewis@lookingglass.example" })).toBeVisible();
  await expect(tenants.getByRole("row").filter({ hasText: "alice@wonderland.example" })).toHaveCount(0);
  await tenants.getByRole("button", { name: "Enable tenant lookingglass" }).click();
  await operator
    .getByRole("dialog", { name: "Enable tenant lookingglass?" })
    .getByRole("button", { name: "Enable tenant" })
    .click();
  await expect(toast(operator, "Tenant lookingglass enabled")).toBeVisible();

  await signInAs(owner, "lewis@lookingglass.example", password);
  await expect(owner.getByRole("heading", { level: 1, name: "Welcome, Lewis" })).toBeVisible();
});

test("the operator edits the system whitelist behind the lockout guard, and leaves it as found", async ({ page }) => {
  await signIn(page, "operator");
  await page.goto("/operator/system-whitelist");
  await expect(page.getByRole("heading", { level: 1, name: "System whitelist" })).toBeVisible();
  await expect(page.getByText("No entries")).toBeVisible();
  await expectBasicAccessibility(page);
  const own = /sees it: (\S+)\. /.exec(
    (await page.getByText(/Your address as the whitelist sees it/).textContent()) ?? "",
  )?.[1];
  expect(own, "the page names the operator's own address").toBeTruthy();

  // An entry that leaves the operator's own address out: warned in the form, refused by the server unconfirmed.
  const addForm = page.getByRole("form", { name: "Add a whitelist entry" });
  const value = addForm.getByRole("textbox", { name: "Address, CIDR block or range" });
  await value.fill("10.0.0.0/8");
  await expect(addForm.getByText("You are about to lock yourself out")).toBeVisible();
  await expect(addForm.getByText(/lose access to the platform/)).toBeVisible();
  await addForm.getByRole("button", { name: "Add entry" }).click();
  await expect(addForm.getByText(/Confirm that you understand to go ahead\./)).toBeVisible();
  await expect(page.getByText("No entries")).toBeVisible();

  // The operator's own address first; then the office block leaves them in.
  await value.fill(own!);
  await addForm.getByRole("button", { name: "Add entry" }).click();
  await expect(toast(page, `${own} added to the system whitelist`)).toBeVisible();
  await value.fill("10.0.0.0/8");
  await expect(addForm.getByText("You are about to lock yourself out")).toBeHidden();
  await addForm.getByRole("textbox", { name: "Description" }).fill("Office");
  await addForm.getByRole("button", { name: "Add entry" }).click();
  await expect(toast(page, "10.0.0.0/8 added to the system whitelist")).toBeVisible();
  const entries = page.getByRole("region", { name: "System whitelist entries" });
  await expect(entries.getByRole("row").filter({ hasText: "10.0.0.0/8" })).toContainText("Office");

  // Tenants see it, read-only.
  const alice = await (await page.context().browser()!.newContext()).newPage();
  await signIn(alice, "alice");
  await alice.goto("/whitelists?project=WonderLand");
  await expect(alice.getByRole("region", { name: "System whitelist" }).getByText("10.0.0.0/8")).toBeVisible();
  expect((await alice.goto("/operator/system-whitelist"))?.status()).toBe(403);
  expect((await alice.context().request.get("/api/v1/operator/system-whitelist")).status()).toBe(403);

  // Removing the operator's own address would lock them out: the dialog says so and needs the box ticked.
  const ownRow = entries.getByRole("row").filter({ hasText: own! });
  await ownRow.getByRole("button", { name: `Remove ${own}` }).click();
  const dialog = page.getByRole("dialog", { name: `Remove ${own}?` });
  await expect(dialog.getByText("You are about to lock yourself out")).toBeVisible();
  await dialog.getByRole("button", { name: "Cancel" }).click();

  // Leave the list empty again: the office block first (the own address keeps the operator in), then the last.
  await entries
    .getByRole("row")
    .filter({ hasText: "10.0.0.0/8" })
    .getByRole("button", { name: "Remove 10.0.0.0/8" })
    .click();
  await page.getByRole("dialog", { name: "Remove 10.0.0.0/8?" }).getByRole("button", { name: "Remove entry" }).click();
  await expect(toast(page, "10.0.0.0/8 removed from the system whitelist")).toBeVisible();
  await ownRow.getByRole("button", { name: `Remove ${own}` }).click();
  await dialog.getByRole("button", { name: "Remove entry" }).click();
  await expect(page.getByText("No entries")).toBeVisible();
});

test("nobody but the operator reaches the operator's pages or API", async ({ page }) => {
  await signIn(page, "alice");
  expect((await page.goto("/operator"))?.status()).toBe(403);
  const api = page.context().request;
  expect((await api.get("/api/v1/operator/tenants")).status()).toBe(403);
  const origin = new URL(page.url()).origin;
  const created = await api.post("/api/v1/operator/tenants", {
    headers: { Origin: origin },
    data: { name: "alicetenant", displayName: "Alice's", ownerEmail: "x@alicetenant.example", ownerDisplayName: "X" },
  });
  expect(created.status()).toBe(403);
});
