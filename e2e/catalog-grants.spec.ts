import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./personas";

const TABLE = `e2e_orders_${Date.now().toString(36)}`;
const inThirtyDays = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);

test.beforeAll(async ({ browser }) => {
  // The server opens its database on first use: let a refused call pay for that, not a journey's first sign-in.
  const page = await browser.newPage();
  expect((await page.request.get("/api/v1/me")).status()).toBe(401);
  await page.close();
});

const menu = (page: Page, name: string) =>
  page.getByRole("list", { name: "Administration" }).getByRole("link", { name, exact: true });
const toast = (page: Page, text: string | RegExp) =>
  page.getByRole("region", { name: "Notifications" }).getByText(text).first();

test("alice creates a table, grants Select on two columns to allen until a date, sees it in SHOW GRANTS and SHOW ACL, and revokes it", async ({
  page,
}) => {
  await signIn(page, "alice");
  await menu(page, "Catalog").click();
  await expect(page.getByRole("heading", { level: 1, name: "Catalog of WonderLand" })).toBeVisible();

  const create = page.getByRole("form", { name: "Create an object" });
  await create.getByRole("textbox", { name: "Name", exact: true }).fill(TABLE);
  await create.getByLabel("Column 1 name").fill("order_id");
  await create.getByLabel("Column 1 type").fill("BIGINT");
  await create.getByRole("button", { name: "Add column" }).click();
  await create.getByLabel("Column 2 name").fill("amount");
  await create.getByLabel("Column 2 type").fill("DECIMAL(10,2)");
  await create.getByRole("button", { name: "Add column" }).click();
  await create.getByLabel("Column 3 name").fill("note");
  await create.getByRole("button", { name: "Create table" }).click();
  await expect(toast(page, `Table ${TABLE} created`)).toBeVisible();
  await expect(
    page.getByRole("region", { name: "Objects of WonderLand" }).getByRole("link", { name: TABLE, exact: true }),
  ).toBeVisible();

  await menu(page, "Grants").click();
  const grant = page.getByRole("form", { name: "Grant privileges" });
  await grant.getByLabel("Object name").fill(TABLE);
  await grant.getByRole("checkbox", { name: "Select", exact: true }).check();
  await grant.getByLabel("Columns").fill("order_id, amount");
  await grant.getByRole("combobox", { name: "User", exact: true }).fill("RAM$wonderland:allen");
  await grant.getByLabel("Expires on").fill(inThirtyDays);
  await grant.getByRole("button", { name: "Grant" }).click();
  await expect(toast(page, `Granted Select on table ${TABLE} to Allen Analyst`)).toBeVisible();

  // SHOW GRANTS FOR allen: the new column grant, until the chosen day.
  const showGrants = page.getByRole("search", { name: "Show grants" });
  await showGrants.getByLabel("User or role").fill("allen@wonderland.example");
  await showGrants.getByRole("button", { name: "Show" }).click();
  const allensGrants = page.getByRole("region", {
    name: "Grants of RAM$wonderland:allen: their own and those of their roles analyst.",
  });
  const row = allensGrants.getByRole("row").filter({ hasText: TABLE });
  await expect(row).toHaveCount(1);
  await expect(row.getByText("(order_id, amount)", { exact: true })).toBeVisible();
  await expect(row.getByText(`through ${inThirtyDays}`)).toBeVisible();

  // The demo's expired grant of allen is still listed, greyed, with a badge.
  await showGrants.getByLabel("Status").selectOption("expired");
  await showGrants.getByRole("button", { name: "Show" }).click();
  await expect(
    allensGrants.getByRole("row").filter({ hasText: "ods_click_log" }).getByText("expired", { exact: true }),
  ).toBeVisible();

  // SHOW ACL FOR the table.
  await page.getByRole("link", { name: "Show ACL" }).click();
  const showAcl = page.getByRole("search", { name: "Show ACL for an object" });
  await showAcl.getByLabel("Object type").selectOption("Table");
  await showAcl.getByLabel("Object name").fill(TABLE);
  await showAcl.getByRole("button", { name: "Show" }).click();
  const acl = page.getByRole("region", { name: `ACL of table ${TABLE}: everyone granted a privilege on it.` });
  const aclRow = acl.getByRole("row").filter({ hasText: "Allen Analyst" });
  await expect(aclRow.getByText("Select", { exact: true })).toBeVisible();

  await aclRow.getByRole("button", { name: /^Revoke/ }).click();
  const dialog = page.getByRole("dialog", { name: "Revoke this grant?" });
  await dialog.getByRole("button", { name: "Revoke" }).click();
  await expect(toast(page, `Revoked Select on table ${TABLE}(order_id, amount) to Allen Analyst`)).toBeVisible();
  await expect(page.getByText("No grants here")).toBeVisible();
});

test("alice imports tables from a CSV export; a bad line is named and nothing is imported", async ({ page }) => {
  await signIn(page, "alice");
  await page.goto("/catalog?project=WonderLand");
  const importForm = page.getByRole("form", { name: "Import tables" });
  const table = `${TABLE}_imp`;
  await importForm
    .getByLabel("Schema export")
    .fill(`table,column,type,comment\n${table},id,BIGINT,key\n${table},price,MONEY,\n`);
  await importForm.getByRole("button", { name: "Import tables" }).click();
  await expect(
    importForm.getByRole("alert").filter({ hasText: "The export has a problem; nothing was imported." }),
  ).toBeVisible();
  await expect(importForm.getByText(/^Line 3, type: MONEY is not a MaxCompute type/)).toBeVisible();

  await importForm
    .getByLabel("Schema export")
    .fill(`table,column,type,comment\n${table},id,BIGINT,key\n${table},price,"DECIMAL(10,2)","unit price, in CNY"\n`);
  await importForm.getByRole("button", { name: "Import tables" }).click();
  await expect(toast(page, "Imported 1 table")).toBeVisible();
  await page
    .getByRole("region", { name: "Objects of WonderLand" })
    .getByRole("link", { name: table, exact: true })
    .click();
  await expect(page.getByLabel("Column 2 comment")).toHaveValue("unit price, in CNY");
});

test("bob (Admin) may not grant to the built-in Admin role: the engine's reason shows at the form", async ({
  page,
}) => {
  await signIn(page, "bob");
  await page.goto("/grants?project=WonderLand");
  await page.waitForLoadState("networkidle");
  const grant = page.getByRole("form", { name: "Grant privileges" });
  // The grantee field follows the "Grant to" choice once the page is interactive.
  await expect(async () => {
    await grant.getByLabel("Grant to").selectOption("Role");
    await expect(grant.getByRole("combobox", { name: "Role", exact: true })).toBeVisible({ timeout: 1000 });
  }).toPass();
  await grant.getByRole("combobox", { name: "Role", exact: true }).selectOption("Admin");
  await grant.getByLabel("Object name").fill("sales_orders");
  await grant.getByRole("checkbox", { name: "Describe", exact: true }).check();
  await grant.getByRole("button", { name: "Grant" }).click();
  await expect(
    grant.getByRole("alert").filter({
      hasText: "Only the owner or Super_Administrator may change the privileges of the built-in role Admin",
    }),
  ).toBeVisible();
  // Nothing was granted.
  await page.goto("/grants?project=WonderLand&principal=role:Admin");
  await expect(page.getByText("No grants here")).toBeVisible();
});
