import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./personas";

/**
 * The LabelSecurity manual's user_profile scenario, end to end in the console as WonderLand's owner: the
 * five sensitive columns labelled 2 and 3, an ordinary member (allen) with Select and clearance 0 denied
 * exactly those five and allowed the other 95, a GRANT LABEL 2 … WITH EXP 7 that opens the three level-2
 * columns only, its REVOKE closing them again, and an expired grant that counts for nothing.
 */
const SENSITIVE = ["id_card", "credit_card", "mobile", "user_addr", "birthday"];
const LEVEL_3 = ["id_card", "credit_card"];
const project = "WonderLand";
const objectPage = `/labels/object?project=${project}&objectType=Table&objectName=user_profile`;
const matrixOfAllen = (deniedOnly: boolean) =>
  `/labels/matrix?project=${project}&objectType=Table&objectName=user_profile&q=allen${deniedOnly ? "&deniedOnly=true" : ""}`;

/** Submits a label form and waits for the statement's toast. */
async function submit(page: Page, form: string, button: string, statement: RegExp) {
  await page.getByRole("form", { name: form }).getByRole("button", { name: button }).click();
  await expect(page.getByText(statement).first()).toBeVisible({ timeout: 20_000 });
}

/** The columns allen may not read, from the column matrix filtered to them; and his allowed count in full. */
async function allenMatrix(page: Page) {
  await page.goto(matrixOfAllen(true));
  const region = page.getByRole("region", { name: "Column matrix of user_profile" });
  const denied = region.getByRole("columnheader").filter({ hasNotText: "Member" });
  const deniedColumns = denied
    .count()
    .then(async (count) => (count === 0 ? [] : (await denied.allTextContents()).map((text) => text.trim())));
  const hidden = await deniedColumns;
  await page.goto(matrixOfAllen(false));
  const allowed = await page.getByRole("button", { name: /, [a-z0-9_]+: allowed$/ }).count();
  return { denied: hidden.sort(), allowed };
}

async function setColumnsLabel(page: Page, columns: string[], level: string) {
  await page.goto(objectPage);
  const form = page.getByRole("form", { name: "Set labels" });
  for (const column of columns) await form.getByRole("checkbox", { name: column, exact: true }).check();
  await form.getByLabel("Level", { exact: true }).selectOption(level);
  await submit(page, "Set labels", "Set label", new RegExp(`SET LABEL ${level} TO TABLE user_profile\\(`));
}

async function grantOrRevoke(
  page: Page,
  form: string,
  fields: Record<string, string>,
  button: string,
  statement: RegExp,
) {
  await page.goto(`/labels/grants?project=${project}`);
  const scope = page.getByRole("form", { name: form });
  for (const [label, value] of Object.entries(fields)) {
    const field = scope.getByLabel(label);
    if ((await field.evaluate((element) => element.tagName)) === "SELECT") await field.selectOption(value);
    else await field.fill(value);
  }
  await submit(page, form, button, statement);
}

test("the manual's user_profile scenario: labels, an ordinary member, GRANT LABEL WITH EXP 7, REVOKE, expiry", async ({
  page,
  baseURL,
}) => {
  test.setTimeout(240_000);
  await signIn(page, "alice");

  // An ordinary member with Select on the whole table (the DAC part, through the API) and clearance 0.
  const granted = await page.request.post(`/api/v1/projects/${project}/grants`, {
    headers: { Origin: baseURL! },
    data: {
      objectType: "Table",
      objectName: "user_profile",
      privileges: "Select",
      granteeType: "User",
      grantee: "RAM$wonderland:allen",
    },
  });
  expect(granted.status(), await granted.text()).toBe(200);
  await page.goto(`/labels?project=${project}`);
  const clearance = page.getByRole("form", { name: "Set a clearance" });
  await clearance.getByLabel("User or role").fill("RAM$wonderland:allen");
  await clearance.getByLabel("Level", { exact: true }).selectOption("0");
  await submit(page, "Set a clearance", "Set clearance", /SET LABEL 0 TO USER RAM\$wonderland:allen/);
  // The manual's table has only its five columns labelled: the table itself at 0.
  await page.goto(objectPage);
  await page.getByRole("form", { name: "Set labels" }).getByLabel("Level", { exact: true }).selectOption("0");
  await submit(page, "Set labels", "Set label", /SET LABEL 0 TO TABLE user_profile$/);

  // set label 2 to table user_profile(mobile, user_addr, birthday); set label 3 to table user_profile(id_card, credit_card)
  await setColumnsLabel(page, ["mobile", "user_addr", "birthday"], "2");
  await setColumnsLabel(page, LEVEL_3, "3");
  await page.goto(objectPage);
  const describe = page.getByRole("region", { name: "Columns of user_profile" });
  await expect(describe.getByRole("row", { name: /^mobile 2 column label$/ })).toBeVisible();
  await expect(describe.getByRole("row", { name: /^id_card 3 column label$/ })).toBeVisible();
  await expect(describe.getByRole("row", { name: /^gender 0 default 0$/ })).toBeVisible();

  // Allen's seeded label grants: mobile (active) is revoked on the column; birthday's expired one stays.
  await grantOrRevoke(
    page,
    "Revoke a label grant",
    { "Table or view": "user_profile", Columns: "mobile", "User or role": "RAM$wonderland:allen" },
    "Revoke",
    /REVOKE LABEL ON TABLE user_profile\(mobile\) FROM USER/,
  );
  await page.goto(`/labels/grants?project=${project}&principal=RAM$wonderland:allen`);
  await expect(page.getByRole("row", { name: /birthday/ })).toContainText("Expired");

  // Denied exactly the five (birthday despite its expired grant), allowed the other 95.
  expect(await allenMatrix(page)).toEqual({ denied: [...SENSITIVE].sort(), allowed: 95 });

  // A cell explains itself on keyboard focus, not only on hover.
  await page.goto(matrixOfAllen(true));
  const idCard = page.getByRole("button", { name: /, id_card: denied$/ });
  await idCard.focus();
  await expect(
    page.getByRole("tooltip").filter({ hasText: /Denied by LabelSecurity: Column id_card .* label 3/ }),
  ).toBeVisible();

  // GRANT LABEL 2 ON TABLE user_profile TO USER allen WITH EXP 7: the three level-2 columns open.
  await grantOrRevoke(
    page,
    "Grant a label",
    { "Table or view": "user_profile", Level: "2", "User or role": "RAM$wonderland:allen", "Days (WITH EXP)": "7" },
    "Grant label",
    /GRANT LABEL 2 ON TABLE user_profile TO USER RAM\$wonderland:allen WITH EXP 7/,
  );
  expect(await allenMatrix(page)).toEqual({ denied: [...LEVEL_3].sort(), allowed: 98 });

  // A date picker in the past is refused at its field.
  await page.goto(`/labels/grants?project=${project}`);
  const grantForm = page.getByRole("form", { name: "Grant a label" });
  await grantForm.getByLabel("Table or view").fill("user_profile");
  await grantForm.getByLabel("User or role").fill("RAM$wonderland:allen");
  await grantForm.getByLabel("Or valid through (UTC)").fill("2001-01-01");
  await grantForm.getByRole("button", { name: "Grant label" }).click();
  await expect(grantForm.getByText("Pick today or a later date.")).toBeVisible();

  // REVOKE LABEL ON TABLE user_profile FROM USER allen: closed again, and his column grants went with it.
  await grantOrRevoke(
    page,
    "Revoke a label grant",
    { "Table or view": "user_profile", "User or role": "RAM$wonderland:allen" },
    "Revoke",
    /REVOKE LABEL ON TABLE user_profile FROM USER/,
  );
  expect(await allenMatrix(page)).toEqual({ denied: [...SENSITIVE].sort(), allowed: 95 });
  await page.goto(`/labels/grants?project=${project}&principal=RAM$wonderland:allen`);
  await expect(page.getByText("No label grants here")).toBeVisible();
});
