import { expect, test } from "@playwright/test";
import { signIn } from "./personas";

/**
 * Access reviews, as alice runs one on WonderLand: she starts a review of the etl_writer role's grants (a scope
 * no other journey relies on), keeps one grant, revokes another, closes the review early (the two nobody
 * decided are revoked), and reads the report; audrey, the Auditor, reads it too and is offered no decision.
 */
test("alice starts a review, keeps one grant, revokes another, closes it and reads the report", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  await signIn(page, "alice");
  await page.goto("/reviews?project=WonderLand");
  await expect(page.getByRole("heading", { level: 1, name: "Access reviews of WonderLand" })).toBeVisible();

  const form = page.getByRole("form", { name: "Start an access review" });
  // A field error first: a deadline past 90 days.
  await form.getByLabel("Title").fill("ETL role recertification");
  await form.getByLabel("Days to decide").fill("91");
  await form.getByLabel("Only the grants of (optional)").fill("etl_writer");
  await form.getByRole("button", { name: "Start review" }).click();
  // The browser's own max check may stop the submission; either way no review is started with 91 days.
  await form.getByLabel("Days to decide").fill("7");
  await form.getByRole("button", { name: "Start review" }).click();
  await form.getByRole("link", { name: /Open the review/ }).click();

  await expect(page.getByRole("heading", { level: 1, name: "ETL role recertification" })).toBeVisible();
  await expect(page.getByTestId("count-pending")).toHaveText("4");

  const decide = (privilege: string) =>
    page.getByRole("form", { name: `Decide ${privilege} on Table ods_click_log for etl_writer` });
  await decide("Describe").getByLabel("Comment").fill("The loads still need it.");
  await decide("Describe").getByRole("button", { name: "Keep" }).click();
  await expect(page.getByTestId("count-kept")).toHaveText("1");
  await decide("Update").getByLabel("Comment").fill("Loads are append-only now.");
  await decide("Update").getByRole("button", { name: "Revoke" }).click();
  await expect(page.getByTestId("count-revoked")).toHaveText("1");
  await expect(page.getByTestId("count-pending")).toHaveText("2");

  await page.getByRole("button", { name: "Close review now" }).click();
  await page.getByRole("button", { name: "Close and revoke the undecided" }).click();
  await expect(page.getByRole("heading", { name: "Report" })).toBeVisible();
  await expect(page.getByTestId("review-report")).toContainText("1 kept, 1 revoked by reviewers, 2 revoked");
  await expect(page.getByTestId("count-expired")).toHaveText("2");
  const url = page.url();

  // The revoked grants are gone from the role's grants.
  const grants = await page.request.get("/api/v1/projects/WonderLand/grants", {
    params: { principal: "role:etl_writer", pageSize: "100" },
  });
  expect(grants.status()).toBe(200);
  const held = ((await grants.json()) as { data: { items: { objectName: string; privilege: string }[] } }).data.items
    .filter((grant) => grant.objectName === "ods_click_log")
    .map((grant) => grant.privilege);
  expect(held).toEqual(["Describe"]);

  // audrey reads the report, and is offered no decision.
  const auditor = await browser.newContext();
  const audrey = await auditor.newPage();
  await signIn(audrey, "audrey");
  await audrey.goto(url);
  await expect(audrey.getByTestId("review-report")).toContainText("1 kept");
  await expect(audrey.getByRole("button", { name: "Keep" })).toHaveCount(0);
  await auditor.close();
});

/**
 * Bulk decisions, as alice (the owner) reviews a role of her own making: she selects the page's undecided items
 * (by keyboard), leaves two out, revokes three with one comment, and sees the progress move and the grants go.
 * A too-long comment is refused at its field; a batch with an item decided meanwhile is refused whole, naming
 * it. audrey (the Auditor) and allen (a member who reviews nothing) get no selection controls.
 */
test("alice selects several items, revokes them at once, and a batch with an item decided meanwhile is refused", async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  await signIn(page, "alice");
  const headers = { Origin: baseURL! };
  const api = "/api/v1/projects/WonderLand";
  const role = "bulk_review_probe";
  expect((await page.request.post(`${api}/roles`, { data: { name: role }, headers })).status()).toBe(200);
  const privileges = ["Describe", "Select", "Alter", "Update", "Drop"];
  const granted = await page.request.post(`${api}/grants`, {
    data: { objectType: "Table", objectName: "dim_region", privileges, granteeType: "Role", grantee: role },
    headers,
  });
  expect(granted.status()).toBe(200);
  const started = await page.request.post(`${api}/reviews`, {
    data: { title: "Probe role recertification", days: 7, principal: role },
    headers,
  });
  expect(started.status()).toBe(200);
  const review = ((await started.json()) as { data: { id: string } }).data.id;
  const path = `/reviews/${review}?project=WonderLand`;
  await page.goto(path);
  await page.waitForLoadState("networkidle");
  await expect(page.getByTestId("count-pending")).toHaveText("5");

  const bulk = page.getByRole("form", { name: "Decide the selected items" });
  const count = page.getByTestId("selected-count");
  const row = (privilege: string) =>
    page.getByRole("checkbox", { name: `Select ${privilege} on Table dim_region for ${role}` });
  await expect(count).toHaveText("0 selected");
  await expect(bulk.getByRole("button", { name: "Revoke selected" })).toBeDisabled();
  // The page's select-all, by keyboard; then two left out by hand.
  await page.getByRole("checkbox", { name: "Select every undecided item on this page" }).focus();
  await page.keyboard.press("Space");
  await expect(count).toHaveText("5 selected");
  await row("Describe").press("Space");
  await row("Select").click();
  await expect(count).toHaveText("3 selected");

  // A comment over 1,000 characters (past the field's own limit, as a forged form would send it): at the field.
  const comment = bulk.getByLabel("Comment for the selected");
  await comment.evaluate((input) => input.removeAttribute("maxlength"));
  await comment.fill("x".repeat(1001));
  await bulk.getByRole("button", { name: "Revoke selected" }).click();
  await expect(bulk.getByText("Keep the comment under 1,000 characters.")).toBeVisible();
  await expect(page.getByTestId("count-pending")).toHaveText("5");

  await comment.fill("The probe role only ever read dim_region.");
  await expect(count).toHaveText("3 selected");
  await bulk.getByRole("button", { name: "Revoke selected" }).click();
  await expect(bulk.getByRole("status").filter({ hasText: "Revoked 3 grants." })).toBeVisible();
  await expect(page.getByTestId("count-revoked")).toHaveText("3");
  await expect(page.getByTestId("count-pending")).toHaveText("2");
  await expect(count).toHaveText("0 selected");
  await expect(row("Alter")).toHaveCount(0);

  // The two left: selected, and one of them kept meanwhile by another door. The batch is refused whole.
  await page.getByRole("checkbox", { name: "Select every undecided item on this page" }).check();
  await expect(count).toHaveText("2 selected");
  const detail = (await (
    await page.request.get(`${api}/reviews/${review}`, { params: { decision: "PENDING" } })
  ).json()) as {
    data: { items: { id: string; privilege: string }[] };
  };
  const select = detail.data.items.find((item) => item.privilege === "Select")!;
  const meanwhile = await page.request.post(`${api}/reviews/${review}/items/${select.id}/decision`, {
    data: { decision: "keep", comment: "decided elsewhere" },
    headers,
  });
  expect(meanwhile.status()).toBe(200);
  await bulk.getByRole("button", { name: "Keep selected" }).click();
  await expect(bulk.getByRole("alert")).toContainText(
    `Nothing was decided: a batch is all or nothing, and 1 of its 2 items was decided meanwhile: the grant of ${role} on dim_region was kept already (by alice@wonderland.example)`,
  );
  await expect(page.getByTestId("count-kept")).toHaveText("0");

  await page.reload();
  await expect(page.getByTestId("count-kept")).toHaveText("1");
  await row("Describe").check();
  await bulk.getByRole("button", { name: "Keep selected" }).click();
  await expect(bulk.getByRole("status").filter({ hasText: "Kept 1 grant." })).toBeVisible();
  await expect(page.getByTestId("count-pending")).toHaveText("0");
  await expect(page.getByRole("checkbox", { name: "Select every undecided item on this page" })).toBeDisabled();

  // The revoked grants are gone from the grants page; the kept ones stay.
  await page.goto(`/grants?project=WonderLand&principal=role:${role}`);
  const grants = page.getByRole("region", { name: `Grants of role ${role}.` });
  const grantRow = (privilege: string) =>
    grants.getByRole("button", { name: `Revoke ${privilege} on table dim_region to role ${role}` });
  for (const privilege of ["Describe", "Select"]) await expect(grantRow(privilege)).toHaveCount(1);
  for (const privilege of ["Alter", "Update", "Drop"]) await expect(grantRow(privilege)).toHaveCount(0);

  // Readers who decide nothing see no selection: audrey reads the review, allen may not even read it.
  for (const persona of ["audrey", "allen"] as const) {
    const context = await browser.newContext();
    const reader = await context.newPage();
    await signIn(reader, persona);
    await reader.goto(path);
    await expect(reader.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(reader.getByRole("checkbox")).toHaveCount(0);
    await expect(reader.getByRole("form", { name: "Decide the selected items" })).toHaveCount(0);
    await context.close();
  }
});
