import { describe, expect, it } from "vitest";
import { ROUTE_TABLE } from "@/lib/api/route-table";
import { runEndpoint } from "@/lib/endpoint/run-endpoint";
import type { z } from "zod";
import type { EndpointDefinition } from "@/lib/endpoint/define-endpoint";
import { createAccessKeyEndpoint } from "@/lib/services/access-keys/create-access-key";
import { addPackageObjectEndpoint } from "@/lib/services/packages/add-package-object";
import { allowPackageProjectEndpoint } from "@/lib/services/packages/allow-package-project";
import { createPackageEndpoint } from "@/lib/services/packages/create-package";
import { installPackageEndpoint } from "@/lib/services/packages/install-package";
import { setWebhookEndpoint } from "@/lib/services/webhooks/set-webhook";
import { createRequestEndpoint } from "@/lib/services/requests/create-request";
import { startReviewEndpoint } from "@/lib/services/reviews/start-review";
import { verifyTenantAuditChainEndpoint } from "@/lib/services/audit/verify-tenant-audit-chain";
import { contextFor, demoDatabase, requestMeta } from "../helpers/test-database";

const prisma = await demoDatabase();

async function call(who: string, endpoint: EndpointDefinition<z.ZodType, unknown>, input: Record<string, string> = {}) {
  const { actor } = await contextFor(who);
  const result = await runEndpoint(endpoint, actor, requestMeta(), input);
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.data;
}
// The demo holds no AccessKey and no package: two sub-accounts mint a key each, and WonderLand shares two
// packages that SecretGarden installs, so each of those lists has two rows.
for (const email of ["bob@wonderland.example", "allen@wonderland.example"]) await call(email, createAccessKeyEndpoint);
for (const packageName of ["share_one", "share_two"]) {
  const wonderland = { project: "WonderLand", packageName };
  await call("alice@wonderland.example", createPackageEndpoint, { project: "WonderLand", name: packageName });
  await call("alice@wonderland.example", addPackageObjectEndpoint, {
    ...wonderland,
    objectType: "Table",
    objectName: "user_profile",
  });
  await call("alice@wonderland.example", allowPackageProjectEndpoint, {
    ...wonderland,
    allowedProject: "SecretGarden",
  });
  await call("sam@secretgarden.example", installPackageEndpoint, {
    project: "SecretGarden",
    package: `WonderLand.${packageName}`,
  });
}

// Two requests by allen: his approvers (alice, bob) each get two notifications in their inbox.
for (const columns of ["mobile", "birthday"])
  await call("allen@wonderland.example", createRequestEndpoint, {
    project: "WonderLand",
    kind: "label",
    table: "user_profile",
    columns,
    level: "2",
    reason: "paging",
  });

// Two access reviews of WonderLand (the second of allen's grants only): two rows, and items to page.
await call("alice@wonderland.example", startReviewEndpoint, { project: "WonderLand", title: "Everything", days: "7" });
const allenReview = (await call("alice@wonderland.example", startReviewEndpoint, {
  project: "WonderLand",
  title: "Allen's grants",
  principal: "allen@wonderland.example",
})) as { id: string };

// Audrey verifies WonderLand's chain twice: two verification runs.
for (let run = 0; run < 2; run += 1) await call("audrey@wonderland.example", verifyTenantAuditChainEndpoint);

/** Every list the API serves, with who may read it and the input that names it (at least two rows each). */
const LISTS: Record<string, { who: string; input: Record<string, string> }> = {
  "/api/v1/projects": { who: "alice@wonderland.example", input: {} },
  "/api/v1/projects/{project}/members": { who: "alice@wonderland.example", input: { project: "WonderLand" } },
  "/api/v1/projects/{project}/roles": { who: "alice@wonderland.example", input: { project: "WonderLand" } },
  "/api/v1/projects/{project}/who-can-access": {
    who: "alice@wonderland.example",
    input: { project: "WonderLand", objectName: "user_profile", column: "id_card" },
  },
  "/api/v1/projects/{project}/grants": { who: "alice@wonderland.example", input: { project: "WonderLand" } },
  "/api/v1/projects/{project}/objects": { who: "alice@wonderland.example", input: { project: "WonderLand" } },
  "/api/v1/projects/{project}/effective-permissions": {
    who: "alice@wonderland.example",
    input: { project: "WonderLand", principal: "RAM$wonderland:allen" },
  },
  "/api/v1/tenant/users": { who: "alice@wonderland.example", input: {} },
  "/api/v1/projects/{project}/labels/clearances": {
    who: "alice@wonderland.example",
    input: { project: "WonderLand" },
  },
  "/api/v1/projects/{project}/labels/grants": {
    who: "alice@wonderland.example",
    input: { project: "WonderLand", view: "table", objectType: "Table", objectName: "user_profile" },
  },
  "/api/v1/projects/{project}/labels/objects/{objectType}/{objectName}/matrix": {
    who: "alice@wonderland.example",
    input: { project: "WonderLand", objectType: "Table", objectName: "user_profile" },
  },
  "/api/v1/projects/{project}/packages": { who: "alice@wonderland.example", input: { project: "WonderLand" } },
  "/api/v1/projects/{project}/installed-packages": {
    who: "sam@secretgarden.example",
    input: { project: "SecretGarden" },
  },
  "/api/v1/projects/{project}/installed-packages/{package}/readers": {
    who: "sam@secretgarden.example",
    input: { project: "SecretGarden", package: "WonderLand.share_one" },
  },
  "/api/v1/account/access-keys": { who: "alice@wonderland.example", input: {} },
  "/api/v1/projects/{project}/webhook": { who: "alice@wonderland.example", input: { project: "WonderLand" } },
  "/api/v1/requests": { who: "allen@wonderland.example", input: { scope: "mine" } },
  "/api/v1/me/notifications": { who: "bob@wonderland.example", input: {} },
  "/api/v1/operator/tenants": { who: "operator@platform.example", input: {} },
  "/api/v1/projects/{project}/reviews": { who: "audrey@wonderland.example", input: { project: "WonderLand" } },
  "/api/v1/audit/verifications": { who: "audrey@wonderland.example", input: {} },
  "/api/v1/projects/{project}/reviews/{review}": {
    who: "bob@wonderland.example",
    input: { project: "WonderLand", review: allenReview.id },
  },
};

/** GET routes that answer no page of a list, each with why that is fine. */
const NOT_LISTS: Record<string, string> = {
  "/api/v1/me": "one object: the caller",
  "/api/v1/me/access-keys": "at most MAX_KEYS_PER_USER keys, bounded when created",
  "/api/v1/openapi.json": "one document",
  "/api/v1/projects/{project}/roles/{role}": "one role; its grants inside page with the same page/pageSize fields",
  "/api/v1/projects/{project}/suggestions": "at most 20 names, a picker's suggestions",
  "/api/v1/projects/{project}/policy": "one document; its history is the last versions only",
  "/api/v1/projects/{project}/whitelist": "at most WHITELIST_LIMIT entries, bounded when added",
  "/api/v1/projects/{project}/settings": "one object",
  "/api/v1/projects/{project}/approval-settings": "one object",
  "/api/v1/requests/{id}": "one request; its approvals are at most its required approvals plus one denial",
  "/api/v1/projects/{project}/labels/objects/{objectType}/{objectName}": "one object: its columns' labels",
  "/api/v1/projects/{project}/packages/{packageName}":
    "one package; its objects, allowed projects and installations are each capped at 500 rows",
  "/api/v1/projects/{project}/objects/{type}/{name}": "one object",
  "/api/v1/audit":
    "a keyset page (pageSize ≤ 200, before → nextBefore) of a chain that may hold 10 million events: no total, no offset",
  "/api/v1/audit/events/{seq}": "one event",
  "/api/v1/audit/verify/{runId}": "one verification run",
  "/api/v1/audit/charts": "a day's row for each of at most 90 days, and top-10/top-20 lists",
  "/api/v1/audit/export": "a streamed download of the filtered set (at most EXPORT_MAX_ROWS rows), not a page",
  "/api/v1/audit/activity": "one row a day, at most 90",
  "/api/v1/audit/decisions":
    "a keyset page (pageSize, before → nextBefore) of an append-only, high-volume log; not yet page/total like the rest",
  "/api/v1/operator/system-whitelist": "at most WHITELIST_LIMIT entries, bounded when added",
}; // WonderLand gets a webhook, then a new URL: two deliveries in its outbox.
for (const url of ["https://hooks.example.com/wonderland", "https://hooks.example.com/wonderland-2"]) {
  await call("alice@wonderland.example", setWebhookEndpoint, { project: "WonderLand", url });
}

const GETS = ROUTE_TABLE.filter((route) => route.method === "GET");
const endpointAt = (path: string) => GETS.find((route) => route.path === path)!.endpoint;

interface Page {
  items: unknown[];
  total: number;
  page: number;
  pageSize: number;
}

describe("every list pages the same way: page and pageSize in, { items, total, page, pageSize } out", () => {
  it("classifies every GET route of the API as a list or says why it is none", () => {
    for (const { path } of GETS) {
      expect(path in LISTS !== path in NOT_LISTS, `${path}: in exactly one of LISTS and NOT_LISTS`).toBe(true);
    }
    expect(Object.keys(LISTS).length + Object.keys(NOT_LISTS).length).toBe(GETS.length);
  });

  for (const [path, { who, input }] of Object.entries(LISTS)) {
    it(`${path}: pages of one row, the next page another row, the same total`, async () => {
      const { actor } = await contextFor(who);
      const call = (page: Record<string, string>) =>
        runEndpoint(endpointAt(path), actor, requestMeta(), { ...input, ...page });
      const first = await call({ page: "1", pageSize: "1" });
      const second = await call({ page: "2", pageSize: "1" });
      if (!first.ok || !second.ok) throw new Error(JSON.stringify([first, second]));
      const [one, two] = [first.data as Page, second.data as Page];
      expect(one).toMatchObject({ items: expect.any(Array), total: expect.any(Number), page: 1, pageSize: 1 });
      expect(two).toMatchObject({ page: 2, pageSize: 1, total: one.total });
      expect(one.total).toBeGreaterThanOrEqual(2);
      expect([one.items.length, two.items.length]).toEqual([1, 1]);
      expect(two.items[0]).not.toEqual(one.items[0]);
      const beyond = await call({ page: String(one.total + 1), pageSize: "1" });
      expect(beyond).toMatchObject({ ok: true, data: { items: [], total: one.total } });
    });

    it(`${path}: a page size over its maximum or a page below 1 is INVALID_INPUT naming the field, audited`, async () => {
      const { actor } = await contextFor(who);
      for (const [field, value] of [
        ["pageSize", "100000"],
        ["page", "0"],
        ["pageSize", "many"],
      ] as const) {
        const last = await prisma.auditEvent.findFirst({ orderBy: { id: "desc" }, select: { id: true } });
        const result = await runEndpoint(endpointAt(path), actor, requestMeta(), { ...input, [field]: value });
        expect(result).toEqual({
          ok: false,
          error: { code: "INVALID_INPUT", message: expect.any(String), fieldErrors: { [field]: [expect.any(String)] } },
        });
        const rows = await prisma.auditEvent.findMany({ where: { id: { gt: last?.id ?? 0n } } });
        expect(rows).toEqual([
          expect.objectContaining({
            action: endpointAt(path).name,
            result: "FAILED",
            reason: expect.stringMatching(/^INVALID_INPUT/),
          }),
        ]);
      }
    });
  }
});
