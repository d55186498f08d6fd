import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./personas";

const ALLEN = "RAM$wonderland:allen";
const toast = (page: Page, text: string | RegExp) =>
  page.getByRole("region", { name: "Notifications" }).getByText(text).first();

const policy = (...statements: object[]) => JSON.stringify({ Version: "1", Statement: statements }, null, 2);
const allowDescribe = {
  Effect: "Allow",
  Principal: [ALLEN],
  Action: ["odps:Describe"],
  Resource: ["acs:odps:*:projects/WonderLand_dev/tables/tmp_experiment"],
};
const denyDropFromOffice = (addresses: string[]) => ({
  Effect: "Deny",
  Principal: [ALLEN],
  Action: ["odps:Drop"],
  Resource: ["acs:odps:*:projects/WonderLand_dev/tables/*"],
  Condition: { IpAddress: { "acs:SourceIp": addresses } },
});

test("alice writes WonderLand_dev's project policy: a live error names the statement, the dry run lists the gain, then she saves", async ({
  page,
}) => {
  await signIn(page, "alice");
  await page.goto("/policies?project=WonderLand_dev");
  await expect(page.getByText(/The project policy of WonderLand_dev has never been saved/)).toBeVisible();

  const editor = page.getByLabel("Policy document");
  const validation = page.getByRole("status", { name: "Policy validation" });
  const save = page.getByRole("button", { name: "Save version 1" });
  await editor.fill(policy(allowDescribe, denyDropFromOffice(["10.0.0"])));
  await expect(validation).toContainText("Statement 2 → Condition.IpAddress.acs:SourceIp[0]:");
  await expect(validation).toContainText('"10.0.0" is not an IP address');
  await expect(page.getByRole("button", { name: "Dry run" })).toBeDisabled();
  await expect(save).toHaveAttribute("aria-disabled", "true");

  await editor.fill(policy(allowDescribe, denyDropFromOffice(["10.0.0.0/8"])));
  await expect(validation).toHaveText("Valid policy: 2 statements.");
  await expect(save).toHaveAttribute("aria-disabled", "true");
  await expect(page.getByText("Run the dry run first: it shows who gains and who loses access.")).toBeVisible();

  await page.getByRole("button", { name: "Dry run" }).click();
  const gains = page.getByRole("region", { name: "Who gains access" });
  await expect(gains.getByRole("row").filter({ hasText: ALLEN }).filter({ hasText: "tmp_experiment" })).toContainText(
    "Describe",
  );
  await expect(page.getByRole("heading", { name: "Who loses access (0)" })).toBeVisible();

  await save.click();
  await expect(toast(page, "Saved version 1 of the project policy of WonderLand_dev")).toBeVisible();
  await expect(
    page.getByText(
      /Editing the project policy of WonderLand_dev, version 1, saved by ALIYUN\$alice@wonderland\.example/,
    ),
  ).toBeVisible();
  const history = page.getByRole("list", { name: "Policy versions" });
  await expect(history.getByRole("listitem")).toHaveCount(1);
  await expect(history).toContainText("Version 1");
  await expect(page.getByRole("button", { name: "Save version 2" })).toHaveAttribute("aria-disabled", "true");
});

test("alice is asked to confirm a whitelist entry that would lock her out, and backs off; an entry that keeps her in needs no confirmation", async ({
  page,
}) => {
  await signIn(page, "alice");
  await page.goto("/whitelists?project=WonderLand_dev");
  await expect(page.getByText("No entries")).toBeVisible();

  const addForm = page.getByRole("form", { name: "Add a whitelist entry" });
  const value = addForm.getByRole("textbox", { name: "Address, CIDR block or range" });
  await value.fill("203.0.113.7");
  const confirmation = addForm.getByRole("checkbox", { name: /^I understand I will lose access from / });
  await expect(addForm.getByText("You are about to lock yourself out")).toBeVisible();
  await expect(confirmation).not.toBeChecked();
  await addForm.getByRole("button", { name: "Add entry" }).click();
  await expect(addForm.getByText(/Confirm that you understand to go ahead\./)).toBeVisible();
  await expect(page.getByText("No entries")).toBeVisible();

  await value.fill("");
  await expect(addForm.getByText("You are about to lock yourself out")).toBeHidden();

  await value.fill("10.0.0.256");
  await value.blur();
  await expect(addForm.getByText(/"10\.0\.0\.256" is not an IP address/)).toBeVisible();

  // WonderLand keeps 127.0.0.1 and ::1, so a further entry leaves alice in.
  await page.goto("/whitelists?project=WonderLand");
  await value.fill("198.51.100.0/24");
  await addForm.getByRole("textbox", { name: "Description" }).fill("E2E partner block");
  await expect(addForm.getByText("You are about to lock yourself out")).toBeHidden();
  await addForm.getByRole("button", { name: "Add entry" }).click();
  await expect(toast(page, "198.51.100.0/24 added to the whitelist of WonderLand")).toBeVisible();
  const entries = page.getByRole("region", { name: "Whitelist of WonderLand" });
  const row = entries.getByRole("row").filter({ hasText: "198.51.100.0/24" });
  await expect(row).toContainText("E2E partner block");

  await row.getByRole("button", { name: "Remove 198.51.100.0/24" }).click();
  await page
    .getByRole("dialog", { name: "Remove 198.51.100.0/24?" })
    .getByRole("button", { name: "Remove entry" })
    .click();
  await expect(toast(page, "198.51.100.0/24 removed from the whitelist of WonderLand")).toBeVisible();
  await expect(row).toHaveCount(0);
  await expect(entries.getByRole("row").filter({ hasText: "127.0.0.1" })).toHaveCount(1);
  await expect(entries.getByRole("row").filter({ hasText: "::1" })).toHaveCount(1);
});

test("alice switches a setting off and on again; each change is saved at once", async ({ page }) => {
  await signIn(page, "alice");
  await page.goto("/settings?project=WonderLand_dev");
  const setting = page.getByRole("switch", { name: "ObjectCreatorHasGrantPermission" });
  await expect(setting).toBeChecked();
  await setting.press("Space");
  await expect(toast(page, "ObjectCreatorHasGrantPermission saved")).toBeVisible();
  await page.reload();
  await expect(setting).not.toBeChecked();
  await setting.press("Space");
  await expect(toast(page, "ObjectCreatorHasGrantPermission saved")).toBeVisible();
  await page.reload();
  await expect(setting).toBeChecked();
});

test("bob, an Admin, sees the switches he may not change disabled with the engine's reason, and may not save policies", async ({
  page,
}) => {
  await signIn(page, "bob");
  await page.goto("/settings?project=WonderLand");
  const labelSecurity = page.getByRole("switch", { name: "LabelSecurity" });
  await expect(labelSecurity).toBeDisabled();
  await expect(labelSecurity).toBeChecked();
  await expect(labelSecurity).toHaveAccessibleDescription(/Only Owner may change LabelSecurity\./);
  await expect(page.getByRole("switch", { name: "CheckPermissionUsingACL" })).toHaveAccessibleDescription(
    /Only Owner or Super_Administrator may change CheckPermissionUsingACL\./,
  );

  await page.goto("/policies?project=WonderLand");
  await expect(page.getByRole("button", { name: "Save version 2" })).toHaveAttribute("aria-disabled", "true");
  await expect(page.getByText("Only Owner or Super_Administrator may edit the project policy")).toBeVisible();

  await page.goto("/whitelists?project=WonderLand");
  await expect(page.getByText("Only Owner or Super_Administrator may edit the IP whitelist.")).toBeVisible();
  await expect(page.getByRole("form", { name: "Add a whitelist entry" })).toHaveCount(0);
});
