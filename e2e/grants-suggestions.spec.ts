import { expect, test, type Locator, type Page } from "@playwright/test";
import { signIn } from "./personas";

const TABLE = `e2e_suggest_${Date.now().toString(36)}`;

// The last journey grants on the table the first one creates.
test.describe.configure({ mode: "serial" });

const toast = (page: Page, text: string | RegExp) =>
  page.getByRole("region", { name: "Notifications" }).getByText(text).first();

/** The values a text field's `<datalist>` offers right now. */
async function offered(input: Locator): Promise<string[]> {
  const listId = await input.getAttribute("list");
  return input
    .page()
    .locator(`datalist[id="${listId}"] > option`)
    .evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
}

async function createTable(page: Page, name: string) {
  await page.goto("/catalog?project=WonderLand");
  const create = page.getByRole("form", { name: "Create an object" });
  await create.getByRole("textbox", { name: "Name", exact: true }).fill(name);
  await create.getByLabel("Column 1 name").fill("id");
  await create.getByLabel("Column 1 type").fill("BIGINT");
  await create.getByRole("button", { name: "Create table" }).click();
  await expect(toast(page, `Table ${name} created`)).toBeVisible();
}

async function openGrants(page: Page) {
  await page.goto("/grants?project=WonderLand");
  // The pickers ask the server once the page is interactive.
  await page.waitForLoadState("networkidle");
  return page.getByRole("form", { name: "Grant privileges" });
}

test("bob types part of a name: the grant form suggests the matching table and member from the server, and the chosen ones are granted", async ({
  page,
}) => {
  await signIn(page, "bob");
  await createTable(page, TABLE);
  const grant = await openGrants(page);
  const objectName = grant.getByRole("combobox", { name: "Object name" });
  const user = grant.getByRole("combobox", { name: "User", exact: true });
  // Nothing is shipped with the page: the lists fill as the user types.
  await expect(grant.locator("datalist > option")).toHaveCount(0);

  await objectName.pressSequentially(TABLE.slice(0, -3));
  await expect.poll(() => offered(objectName)).toContain(TABLE);
  await objectName.fill(TABLE);

  await grant.getByRole("checkbox", { name: "Describe", exact: true }).check();
  await user.pressSequentially("alle");
  await expect.poll(() => offered(user)).toEqual(["RAM$wonderland:allen"]);
  await user.fill((await offered(user))[0]!);

  await grant.getByRole("button", { name: "Grant" }).click();
  await expect(toast(page, `Granted Describe on table ${TABLE} to Allen Analyst`)).toBeVisible();
});

test("the SHOW GRANTS picker offers the roles and suggests members as typed", async ({ page }) => {
  await signIn(page, "bob");
  await page.goto("/grants?project=WonderLand");
  await page.waitForLoadState("networkidle");
  const principal = page.getByRole("search", { name: "Show grants" }).getByRole("combobox", { name: "User or role" });
  await principal.pressSequentially("bo");
  await expect
    .poll(() => offered(principal))
    .toEqual(expect.arrayContaining(["role:analyst", "role:Admin", "RAM$wonderland:bob"]));
});

test("when suggestions cannot be fetched, the form still takes a typed name", async ({ page }) => {
  await signIn(page, "bob");
  await page.route("**/api/v1/projects/*/suggestions?*", (route) => route.abort());
  const grant = await openGrants(page);
  const user = grant.getByRole("combobox", { name: "User", exact: true });
  await grant.getByRole("combobox", { name: "Object name" }).fill(TABLE);
  await grant.getByRole("checkbox", { name: "Select", exact: true }).check();
  const failed = page.waitForEvent("requestfailed", (request) => request.url().includes("/suggestions?"));
  await user.pressSequentially("RAM$wonderland:allen");
  await failed;
  expect(await offered(user)).toEqual([]);
  await grant.getByRole("button", { name: "Grant" }).click();
  await expect(toast(page, `Granted Select on table ${TABLE} to Allen Analyst`)).toBeVisible();
});
