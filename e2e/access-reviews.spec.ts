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
