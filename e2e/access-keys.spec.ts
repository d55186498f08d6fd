import { expect, test, type APIRequestContext } from "@playwright/test";
import { signRequest } from "../tests/helpers/acs3-test-signer";
import { signIn } from "./personas";

/** A signed GET of /api/v1/me with the key, straight at the server (no cookie, no Origin). */
async function signedWhoAmI(request: APIRequestContext, baseURL: string, accessKeyId: string, secret: string) {
  const url = `${baseURL}/api/v1/me`;
  const response = await request.get(url, {
    headers: signRequest({ method: "GET", url, accessKeyId, secret }),
    // A fresh context: the page's session cookie must not be what authenticates.
    failOnStatusCode: false,
  });
  return { status: response.status(), body: await response.json() };
}

test("bob creates an AccessKey (secret shown once), signs a call with it; alice disables it; bob deletes it", async ({
  browser,
  baseURL,
  playwright,
}) => {
  const api = await playwright.request.newContext();
  const bob = await browser.newPage();
  await signIn(bob, "bob");
  await bob.getByRole("list", { name: "Access" }).getByRole("link", { name: "Access keys" }).click();
  await expect(bob.getByRole("heading", { level: 1, name: "Access keys" })).toBeVisible();
  await expect(bob.getByText("No AccessKeys yet")).toBeVisible();

  await bob.getByRole("textbox", { name: "Description" }).fill("x".repeat(201));
  await bob.getByRole("button", { name: "Create AccessKey" }).click();
  await expect(bob.getByText("At most 200 characters.")).toBeVisible();

  await bob.getByRole("textbox", { name: "Description" }).fill("e2e export");
  await bob.getByRole("button", { name: "Create AccessKey" }).click();
  const secret = (await bob.getByTestId("access-key-secret").textContent())!.trim();
  expect(secret).toMatch(/^[A-Za-z0-9]{30}$/);
  await expect(bob.getByRole("button", { name: "Copy secret" })).toBeVisible();
  const id = (await bob.locator("dd code").first().textContent())!.trim();
  expect(id).toMatch(/^LTAI/);
  await bob.getByRole("button", { name: "I have stored it" }).click();
  await expect(bob.getByText("e2e export")).toBeVisible();
  // The secret is never shown again, not even after a reload.
  await bob.reload();
  expect(await bob.content()).not.toContain(secret);

  const signed = await signedWhoAmI(api, baseURL!, id, secret);
  expect(signed.status).toBe(200);
  expect(signed.body.data.email).toBe("bob@wonderland.example");
  await bob.reload();
  await expect(bob.getByRole("cell", { name: /UTC/ }).nth(1)).toBeVisible(); // created and last used

  const alice = await (await browser.newContext()).newPage();
  await signIn(alice, "alice");
  await alice.goto("/access-keys");
  await expect(alice.getByRole("heading", { name: "Sub-accounts' AccessKeys" })).toBeVisible();
  await alice.getByRole("button", { name: `Disable ${id}` }).click();
  await expect(alice.getByRole("button", { name: `Disable ${id}` })).toHaveCount(0);

  const refused = await signedWhoAmI(api, baseURL!, id, secret);
  expect(refused.status).toBe(403);
  expect(refused.body.code).toBe("SignatureDoesNotMatch");

  await bob.reload();
  await bob.getByRole("button", { name: `Delete ${id}` }).click();
  await bob.getByRole("button", { name: /Confirm deleting/ }).click();
  await expect(bob.getByText("No AccessKeys yet")).toBeVisible();
  await api.dispose();
});
