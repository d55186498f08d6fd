import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./personas";

const SAM = "ALIYUN$sam@secretgarden.example";
const ROLE = "mr_reviewers";

test.beforeAll(async ({ browser }) => {
  // The server opens its database on first use: let a refused call pay for that, not a journey's first sign-in.
  const page = await browser.newPage();
  expect((await page.request.get("/api/v1/me")).status()).toBe(401);
  await page.close();
});

const membersOfDev = (page: Page) => page.getByRole("region", { name: "Members of WonderLand_dev" });
const toast = (page: Page, text: string | RegExp) =>
  page.getByRole("region", { name: "Notifications" }).getByText(text).first();

test("alice adds sam (another account's primary account), gives him a custom role, removes him, adds him again, then removes and clears", async ({
  page,
}) => {
  await signIn(page, "alice");
  await page.goto("/members?project=WonderLand_dev");
  await expect(page.getByRole("heading", { level: 1, name: "Members of WonderLand_dev" })).toBeVisible();

  const addForm = page.getByRole("form", { name: "Add a member" });
  await addForm.getByRole("textbox", { name: "Email" }).fill("sam@secretgarden.example");
  await addForm.getByRole("button", { name: "Add member" }).click();
  await expect(toast(page, `${SAM} added to WonderLand_dev`)).toBeVisible();
  const samRow = membersOfDev(page).getByRole("row").filter({ hasText: SAM });
  await expect(samRow.getByText("Other account")).toBeVisible();
  await expect(samRow.getByText("Active")).toBeVisible();

  await addForm.getByRole("textbox", { name: "Email" }).fill("sam@secretgarden.example");
  await addForm.getByRole("button", { name: "Add member" }).click();
  await expect(addForm.getByText("Already a member of WonderLand_dev.", { exact: true })).toBeVisible();

  await page.goto("/roles?project=WonderLand_dev");
  const createForm = page.getByRole("form", { name: "Create a custom role" });
  await createForm.getByRole("textbox", { name: "Role name" }).fill(ROLE);
  await createForm.getByRole("button", { name: "Create role" }).click();
  await expect(toast(page, `Role ${ROLE} created in WonderLand_dev`)).toBeVisible();
  await expect(page.getByRole("link", { name: ROLE })).toBeVisible();

  const assignForm = page.getByRole("form", { name: "Assign a role" });
  await assignForm.getByLabel("Role").selectOption({ label: ROLE });
  await assignForm.getByLabel("Member").selectOption({ label: `Sam Gardener (${SAM})` });
  await assignForm.getByRole("button", { name: "Assign role" }).click();
  await expect(toast(page, `${ROLE} assigned to ${SAM}`)).toBeVisible();

  await page.getByRole("link", { name: ROLE }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Role ${ROLE}` })).toBeVisible();
  const holders = page.getByRole("list", { name: `Members holding ${ROLE}` });
  await expect(holders.getByRole("listitem").filter({ hasText: SAM }).getByText("Active")).toBeVisible();

  // Removed, sam keeps the role, dormant.
  await page.goto("/members?project=WonderLand_dev");
  await membersOfDev(page)
    .getByRole("button", { name: `Remove ${SAM}` })
    .click();
  const removeDialog = page.getByRole("dialog", { name: `Remove ${SAM} from WonderLand_dev?` });
  await removeDialog.getByRole("button", { name: "Remove member" }).click();
  await expect(toast(page, `${SAM} removed from WonderLand_dev`)).toBeVisible();
  await expect(samRow.getByText("Removed", { exact: true })).toBeVisible();
  await page.goto(`/roles/${ROLE}?project=WonderLand_dev`);
  await expect(holders.getByRole("listitem").filter({ hasText: SAM }).getByText("Removed — dormant")).toBeVisible();

  // Added again, the role comes back with him.
  await page.goto("/members?project=WonderLand_dev&status=removed");
  await membersOfDev(page).getByRole("button", { name: "Add again sam@secretgarden.example" }).click();
  await expect(toast(page, "Active again: 1 role.")).toBeVisible();
  await page.goto(`/roles/${ROLE}?project=WonderLand_dev`);
  await expect(holders.getByRole("listitem").filter({ hasText: SAM }).getByText("Active")).toBeVisible();

  // Removed and cleared: nothing is left to revive, and sam is out of WonderLand_dev again.
  await page.goto("/members?project=WonderLand_dev");
  await membersOfDev(page)
    .getByRole("button", { name: `Remove ${SAM}` })
    .click();
  await removeDialog.getByRole("checkbox", { name: "Also clear their permissions" }).check();
  await removeDialog.getByRole("button", { name: "Remove member" }).click();
  await expect(toast(page, `${SAM} removed from WonderLand_dev`).last()).toBeVisible();
  await expect(samRow.getByText("Removed", { exact: true })).toBeVisible();
  await page.goto(`/roles/${ROLE}?project=WonderLand_dev`);
  await expect(page.getByText("Nobody holds this role yet.")).toBeVisible();
});

test("bob (Admin) tries to assign Admin and sees the engine's reason at the form; nothing changes", async ({
  page,
}) => {
  await signIn(page, "bob");
  await page.goto("/roles?project=WonderLand");
  const assignForm = page.getByRole("form", { name: "Assign a role" });
  await assignForm.getByLabel("Role").selectOption({ label: "Admin (built-in)" });
  await assignForm.getByLabel("Member").selectOption({ label: "Allen Analyst (RAM$wonderland:allen)" });
  await assignForm.getByRole("button", { name: "Assign role" }).click();
  await expect(assignForm.getByRole("alert")).toHaveText(
    /Only the owner or Super_Administrator may assign or revoke the Admin role/,
  );

  await page.goto("/roles/Admin?project=WonderLand");
  const holders = page.getByRole("list", { name: "Members holding Admin" });
  await expect(holders.getByRole("listitem")).toHaveCount(1);
  await expect(holders.getByText("RAM$wonderland:bob", { exact: true })).toBeVisible();
});

test("bob sees why he cannot manage WonderLand_dev, where he is only a member", async ({ page }) => {
  await signIn(page, "bob");
  await page.goto("/members?project=WonderLand_dev");
  await expect(page.getByText("You do not administer WonderLand_dev")).toBeVisible();
  await expect(page.getByRole("form", { name: "Add a member" })).toHaveCount(0);
});
