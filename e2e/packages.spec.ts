import { expect, test, type Page } from "@playwright/test";
import { signIn, type Persona } from "./personas";

const PACKAGE = "garden_share";
const INSTALLED = `WonderLand.${PACKAGE}`;
const MARY = "RAM$secretgarden:mary";

test.beforeAll(async ({ browser }) => {
  // The server opens its database on first use: let a refused call pay for that, not the journey's first sign-in.
  const page = await browser.newPage();
  expect((await page.request.get("/api/v1/me")).status()).toBe(401);
  await page.close();
});

const toast = (page: Page, text: string | RegExp) =>
  page.getByRole("region", { name: "Notifications" }).getByText(text).first();

async function as(page: Page, persona: Persona) {
  await page.context().clearCookies();
  await signIn(page, persona);
}

/** Confirms a row action's dialog: the trigger names its verb and subject, the dialog its question. */
async function confirm(page: Page, trigger: string, dialog: string, confirmLabel: string) {
  await page.getByRole("button", { name: trigger }).click();
  await page.getByRole("dialog", { name: dialog }).getByRole("button", { name: confirmLabel }).click();
}

/** Mary's row of the installer's "What each person may read" table, from the engine. */
const maryReads = (page: Page) =>
  page
    .getByRole("region", { name: `What each person of SecretGarden may read through ${INSTALLED}` })
    .getByRole("row")
    .filter({ hasText: MARY });

test("WonderLand shares user_profile with SecretGarden (another tenant) using label 2; a member of the role granted it reads the columns up to label 2 and no others; after DISALLOW nothing", async ({
  page,
}) => {
  test.setTimeout(300_000); // three personas, about twenty round trips: slow on a busy machine
  // The provider: alice creates the package, adds user_profile, allows SecretGarden using label 2.
  await as(page, "alice");
  await page.goto("/packages?project=WonderLand");
  await expect(page.getByRole("heading", { level: 1, name: "Packages of WonderLand" })).toBeVisible();
  const create = page.getByRole("form", { name: "Create a package" });
  await create.getByRole("textbox", { name: "Package name" }).fill(PACKAGE);
  await create.getByRole("textbox", { name: "Description" }).fill("Profiles shared with Secret Garden.");
  await create.getByRole("button", { name: "Create package" }).click();
  await expect(toast(page, "Package created in WonderLand")).toBeVisible();
  await page.getByRole("link", { name: PACKAGE }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Package ${PACKAGE}` })).toBeVisible();

  const add = page.getByRole("form", { name: "Add an object to the package" });
  await add.getByRole("textbox", { name: "Privileges" }).fill("Execute");
  await add.getByRole("textbox", { name: "Object name" }).fill("user_profile");
  await add.getByRole("button", { name: "Add to package" }).click();
  await expect(add.getByText(/Execute cannot be shared on a table/)).toBeVisible();
  await add.getByRole("textbox", { name: "Privileges" }).fill("");
  await add.getByRole("button", { name: "Add to package" }).click();
  await expect(toast(page, `Object added to ${PACKAGE}`)).toBeVisible();
  const objects = page.getByRole("region", { name: `Objects of package ${PACKAGE}` });
  await expect(objects.getByRole("row").filter({ hasText: "user_profile" })).toContainText("DescribeSelect");

  const allow = page.getByRole("form", { name: "Allow a project to install the package" });
  await allow.getByRole("textbox", { name: "Project" }).fill("SecretGarden");
  await allow.getByLabel("Using label").selectOption("2");
  await allow.getByRole("button", { name: "Allow" }).click();
  await expect(toast(page, `Project allowed to install ${PACKAGE}`)).toBeVisible();
  const allowed = page.getByRole("region", { name: `Projects allowed to install ${PACKAGE}` });
  await expect(allowed.getByRole("row").filter({ hasText: "SecretGarden" })).toContainText("Not installed");

  // The installer: sam installs it in SecretGarden and grants Read on it to the role garden_analyst.
  await as(page, "sam");
  await page.goto("/packages?project=SecretGarden&view=installed");
  await expect(page.getByRole("row").filter({ hasText: INSTALLED })).toContainText("Offered");
  await confirm(page, `Install ${INSTALLED}`, `Install ${INSTALLED} in SecretGarden?`, "Install");
  await expect(toast(page, `${INSTALLED} installed in SecretGarden`)).toBeVisible();
  await page.getByRole("link", { name: INSTALLED }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Package ${INSTALLED}` })).toBeVisible();
  // Installed, not yet granted: mary, an ordinary member, reads nothing through it.
  await expect(maryReads(page)).toContainText("WonderLand.user_profile: no column");

  const grant = page.getByRole("form", { name: "Grant Read on the package" });
  await grant.getByRole("textbox", { name: "Grantee" }).fill("garden_analyst");
  await grant.getByRole("button", { name: "Grant Read" }).click();
  await expect(toast(page, `Read on ${INSTALLED} granted`)).toBeVisible();
  await expect(page.getByRole("region", { name: `Grants on ${INSTALLED}` })).toContainText("garden_analyst");
  // Through her role, mary reads the 98 columns labelled up to 2, and not the two labelled 3.
  await page.reload();
  await expect(maryReads(page)).toContainText("WonderLand.user_profile: 98 columns");
  await expect(maryReads(page)).toContainText("Closed: id_card, credit_card");

  // The provider, though protected, lets the data flow to SecretGarden through the package.
  await as(page, "alice");
  await page.goto(
    "/data-flow?project=WonderLand&principal=ALIYUN%24alice%40wonderland.example&operation=create-table-as-select&objectName=user_profile&columns=id,gender&targetProject=SecretGarden",
  );
  await expect(page.getByText("It may leave: a package shares it with the target")).toBeVisible();

  // DISALLOW: gone at once, on both sides.
  await page.goto(`/packages/${PACKAGE}?project=WonderLand`);
  await confirm(page, "Disallow SecretGarden", "Disallow SecretGarden?", "Disallow");
  await expect(toast(page, `SecretGarden may no longer install ${PACKAGE}`)).toBeVisible();
  await page.goto(
    "/data-flow?project=WonderLand&principal=ALIYUN%24alice%40wonderland.example&operation=create-table-as-select&objectName=user_profile&columns=id,gender&targetProject=SecretGarden",
  );
  await expect(page.getByText("Refused: the project is protected")).toBeVisible();

  await as(page, "sam");
  await page.goto(`/packages/${INSTALLED}?project=SecretGarden`);
  await expect(page.getByText("WonderLand no longer allows SecretGarden to install this package")).toBeVisible();
  await expect(maryReads(page)).toContainText("WonderLand.user_profile: no column");
});
