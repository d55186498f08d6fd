import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, PERSONAS, signIn } from "./personas";

// This file may run first against a fresh server: its first sign-in (first password hash, first renders)
// gets a generous timeout here, once, so the journeys below are timed on a warm server.
test.beforeAll(async ({ browser }) => {
  const page = await browser.newPage();
  await page.goto("/login");
  await page.getByLabel("Email").fill(PERSONAS.alice);
  await page.locator("input[name=password]").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^Welcome/ })).toBeVisible({ timeout: 45_000 });
  await page.close();
});

test("alice checks allen's read of user_profile(mobile, birthday) and sees each column's verdict with the reason", async ({
  page,
}) => {
  await signIn(page, "alice");
  await page
    .getByRole("navigation", { name: /main/i })
    .getByRole("link", { name: "Check access", exact: true })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "Check access" })).toBeVisible();
  await expect(page.getByText("Ask a question to see the engine's answer")).toBeVisible();

  const form = page.getByRole("form", { name: "Check access" });
  await form.getByLabel("Principal").fill("RAM$wonderland:allen");
  await form.getByLabel("Object type").selectOption("Table");
  await form.getByLabel("Object", { exact: true }).fill("user_profile");
  await form.getByLabel("Action").selectOption("Select");
  await form.getByLabel("Filter columns").fill("mobile");
  await form.getByRole("checkbox", { name: "mobile (label 2)" }).check();
  await form.getByLabel("Filter columns").fill("birthday");
  await form.getByRole("checkbox", { name: "birthday (label 2)" }).check();
  await form.getByRole("button", { name: "Check access" }).click();

  const verdict = page.getByRole("region", { name: "Verdict" });
  await expect(verdict).toContainText("Denied");
  await expect(verdict).toContainText("Decided by Label security");
  await expect(page).toHaveURL(/principal=RAM%24wonderland%3Aallen/);

  const columns = page.getByRole("region", { name: "Column by column" });
  const mobile = columns.getByRole("row", { name: /^mobile/ });
  await expect(mobile).toContainText("Allowed");
  await expect(mobile).toContainText("Grants (ACL)");
  const birthday = columns.getByRole("row", { name: /^birthday/ });
  await expect(birthday).toContainText("Denied");
  await expect(birthday).toContainText("Label security");
  await expect(birthday).toContainText(/has label 2, above the clearance 1 .* no unexpired label grant covers it/);

  const steps = page.getByRole("region", { name: "How each layer decided" });
  await expect(steps.getByRole("row", { name: /^IP whitelist/ })).toContainText("Passes");
  await expect(steps.getByRole("row", { name: /^Label security/ })).toContainText("Denies");
});

test("the check-access pickers suggest members and objects as alice types, and show the chosen table's columns", async ({
  page,
}) => {
  await signIn(page, "alice");
  await page.goto("/check-access?project=WonderLand");
  const form = page.getByRole("form", { name: "Check access" });
  const suggestions = async (field: ReturnType<typeof form.getByLabel>) =>
    page.locator(`datalist[id="${await field.getAttribute("list")}"] option`);

  const principal = form.getByLabel("Principal");
  await principal.fill("alle");
  await expect((await suggestions(principal)).and(page.locator('[value="RAM$wonderland:allen"]'))).toHaveCount(1);

  await form.getByLabel("Object type").selectOption("Table");
  const object = form.getByLabel("Object", { exact: true });
  await object.fill("user_pro");
  await expect((await suggestions(object)).and(page.locator('[value="user_profile"]'))).toHaveCount(1);
  await expect(form.getByRole("checkbox")).toHaveCount(0);
  await object.fill("user_profile");
  await expect(form.getByRole("checkbox", { name: /^id_card \(label \d\)$/ })).toBeVisible();
  await expect(form.getByRole("checkbox", { name: "mobile (label 2)" })).toBeAttached();
});

test("a check is a link: opening its URL answers it again, the mobile column alone is allowed", async ({ page }) => {
  await signIn(page, "alice");
  await page.goto(
    "/check-access?project=WonderLand&principal=allen%40wonderland.example&objectType=Table&objectName=user_profile&action=Select&columns=mobile",
  );
  const verdict = page.getByRole("region", { name: "Verdict" });
  await expect(verdict).toContainText("Allowed");
  await expect(
    page.getByRole("region", { name: "How each layer decided" }).getByRole("row", { name: /^Label security/ }),
  ).toContainText(/covered by GRANT LABEL 2/);
});

test("a field the engine cannot use is pointed out at the field", async ({ page }) => {
  await signIn(page, "alice");
  await page.goto(
    "/check-access?project=WonderLand&principal=allen%40wonderland.example&objectType=Table&objectName=user_profile&action=Select&sourceIp=not-an-ip",
  );
  await expect(page.locator("main [role=alert]").first()).toContainText("Some fields need attention.");
  await expect(page.getByText("Enter an IPv4 or IPv6 address.")).toBeVisible();
});

test("allen's My access shows sales_orders Select from role analyst, and what labels hide from him", async ({
  page,
}) => {
  await signIn(page, "allen");
  await page.getByRole("navigation", { name: /main/i }).getByRole("link", { name: "My access", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "My access" })).toBeVisible();
  const table = page.getByRole("region", { name: /Effective permissions of RAM\$wonderland:allen in WonderLand/ });
  const salesOrders = table.getByRole("row", { name: /sales_orders/ });
  await expect(salesOrders).toContainText("Select");
  await expect(salesOrders).toContainText("from Role analyst");
  const profile = table.getByRole("row", { name: /user_profile/ });
  await expect(profile).toContainText("on 5 of 100 columns");
  // allen may not Describe user_profile, so the names of the columns labels hide from him are not his to read.
  await expect(profile).not.toContainText("birthday");
  const labelGrants = page.getByRole("region", { name: "Label grants" });
  await expect(labelGrants.getByRole("row", { name: /birthday/ })).toContainText("Expired");
  await expect(labelGrants.getByRole("row", { name: /mobile/ })).toContainText("Active");
});

test("allen opening /check-access or /effective-permissions gets 403, and no menu entry leads there", async ({
  page,
}) => {
  await signIn(page, "allen");
  await expect(page.getByRole("navigation", { name: /main/i }).getByRole("link", { name: "Check access" })).toHaveCount(
    0,
  );
  for (const path of ["/check-access", "/effective-permissions"]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(403);
    await expect(page.getByText(/403 — You don't have access/)).toBeVisible();
  }
});

test("alice sees who can read user_profile.id_card: herself and bob, not allen (label), with a chart per layer", async ({
  page,
}) => {
  await signIn(page, "alice");
  await page.goto("/effective-permissions?project=WonderLand");
  await page.getByRole("link", { name: "Who can access a table" }).click();
  await expect(page).toHaveURL(/view=object/);
  const form = page.getByRole("form", { name: "Who can access" });
  await form.getByLabel("Type").selectOption("Table");
  await form.getByLabel("Table or view").fill("user_profile");
  await form.getByLabel("Column").selectOption("id_card");
  await form.getByRole("button", { name: "Show who can" }).click();

  const allowed = page.getByRole("region", { name: "Members allowed to Select user_profile.id_card" });
  await expect(allowed.getByRole("row", { name: /Alice Liddell/ })).toContainText("Project owner");
  await expect(allowed.getByRole("row", { name: /Bob Builder/ })).toContainText("Built-in role Admin");
  await expect(allowed.getByRole("row", { name: /Allen Analyst/ })).toHaveCount(0);
  await page.getByRole("navigation", { name: "Verdicts" }).getByRole("link", { name: "Denied (1)" }).click();
  const denied = page.getByRole("region", { name: "Members denied Select on user_profile.id_card" });
  await expect(denied.getByRole("row", { name: /Allen Analyst/ })).toContainText("Label security");

  const chart = page.getByRole("figure", { name: "Members by deciding layer (allowed / denied)" });
  await expect(chart.getByRole("table")).toBeAttached();
  await expect(chart.getByRole("row", { name: /Identity/ })).toContainText("2");
});

test("alice picks allen in the effective-permissions view and sees where his privileges come from", async ({
  page,
}) => {
  await signIn(page, "alice");
  await page.goto("/effective-permissions?project=WonderLand&view=user");
  await page.getByLabel("User").fill("RAM$wonderland:allen");
  await page.getByRole("button", { name: "Show", exact: true }).click();
  const table = page.getByRole("region", { name: /Effective permissions of RAM\$wonderland:allen/ });
  await expect(table.getByRole("row", { name: /dim_region/ })).toContainText("from Role analyst");
  await expect(table.getByRole("row", { name: /v_user_summary/ })).toContainText("from Direct grant");
});

test("the API answers query engines: yourself yes, others only for administrators, other tenants never", async ({
  page,
  baseURL,
}) => {
  const headers = { Origin: baseURL! };
  const question = {
    principal: "RAM$wonderland:allen",
    action: "Select",
    objectType: "Table",
    objectName: "user_profile",
    columns: ["mobile", "birthday"],
  };
  const unauthenticated = await page.request.post("/api/v1/projects/WonderLand/check-access", {
    data: question,
    headers,
  });
  expect(unauthenticated.status()).toBe(401);

  await signIn(page, "allen");
  const own = await page.request.post("/api/v1/projects/WonderLand/check-access", { data: question, headers });
  expect(own.status()).toBe(200);
  const body = (await own.json()) as {
    data: { decision: { effect: string; decidedBy: string; columns: { column: string; effect: string }[] } };
  };
  expect(body.data.decision).toMatchObject({ effect: "Deny", decidedBy: "LabelSecurity" });
  expect(body.data.decision.columns.map((column) => `${column.column}:${column.effect}`)).toEqual([
    "mobile:Allow",
    "birthday:Deny",
  ]);
  const others = await page.request.post("/api/v1/projects/WonderLand/check-access", {
    data: { ...question, principal: "RAM$wonderland:bob" },
    headers,
  });
  expect(others.status()).toBe(403);
  const mine = await page.request.get("/api/v1/projects/WonderLand/effective-permissions");
  expect(mine.status()).toBe(200);
  expect(
    (
      await page.request.get("/api/v1/projects/WonderLand/effective-permissions", {
        params: { principal: "bob@wonderland.example" },
      })
    ).status(),
  ).toBe(403);

  await page.context().clearCookies();
  await signIn(page, "sam");
  expect(
    (
      await page.request.post("/api/v1/projects/WonderLand/check-access", {
        data: { ...question, principal: "sam@secretgarden.example" },
        headers,
      })
    ).status(),
  ).toBe(404);
  expect((await page.request.get("/api/v1/projects/WonderLand/effective-permissions")).status()).toBe(404);
});
