import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "correct-horse-battery";

export const PERSONAS = {
  alice: "alice@wonderland.example",
  bob: "bob@wonderland.example",
  allen: "allen@wonderland.example",
  audrey: "audrey@wonderland.example",
  sam: "sam@secretgarden.example",
  /** The demo's platform operator (embedded default only): tenants and the system whitelist. */
  operator: "operator@platform.example",
} as const;

export type Persona = keyof typeof PERSONAS;

export async function signIn(page: Page, persona: Persona, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(PERSONAS[persona]);
  await page.locator("input[name=password]").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  // Generous: the first sign-in of a run also compiles and warms the server.
  await expect(page.getByRole("heading", { level: 1, name: /^Welcome/ })).toBeVisible({ timeout: 30_000 });
}
