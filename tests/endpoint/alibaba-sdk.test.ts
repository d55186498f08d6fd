import { afterAll, describe, expect, it } from "vitest";
import OpenApi, { Config, OpenApiRequest, Params } from "@alicloud/openapi-client";
import { RuntimeOptions } from "@alicloud/tea-util";
import { createAccessKey } from "@/lib/services/access-keys/create-access-key";
import { SIGNATURE_REFUSAL } from "@/lib/endpoint/signed-actor";
import { startRouteServer } from "../helpers/route-server";
import { contextFor, demoDatabase } from "../helpers/test-database";

const prisma = await demoDatabase();
const ALICE = "alice@wonderland.example";
const key = await createAccessKey(await contextFor(ALICE), { description: "alibaba sdk test" });
const server = await startRouteServer();
afterAll(() => server.close());

/** Alibaba Cloud's own client, as a query engine or script would build it (ROA style, JSON body). */
function sdk(accessKeySecret = key.secret) {
  return new OpenApi(new Config({ accessKeyId: key.id, accessKeySecret, endpoint: server.endpoint, protocol: "http" }));
}

function call(client: OpenApi, method: string, pathname: string, body?: unknown, query?: Record<string, string>) {
  return client.callApi(
    new Params({
      // Alibaba Cloud's routing headers; this product ignores them (they are signed like every x-acs-* header).
      action: "SecurityCenterCall",
      version: "2026-12-07",
      protocol: "HTTP",
      pathname,
      method,
      authType: "AK",
      style: "ROA",
      reqBodyType: "json",
      bodyType: "json",
    }),
    new OpenApiRequest({ ...(body !== undefined ? { body } : {}), ...(query ? { query } : {}) }),
    new RuntimeOptions({ autoretry: false, readTimeout: 60_000, connectTimeout: 10_000 }),
  ) as Promise<{ statusCode: number; body: { data: Record<string, unknown> } }>;
}

describe("Alibaba Cloud's @alicloud/openapi-client (ACS3-HMAC-SHA256) against a real HTTP server", () => {
  it("GET /api/v1/me authenticates as the key's user", async () => {
    const response = await call(sdk(), "GET", "/api/v1/me");
    expect(response.statusCode).toBe(200);
    expect(response.body.data).toMatchObject({ email: ALICE, tenant: "wonderland" });
  });

  it("GET with a query string, and POST with a JSON body", async () => {
    const members = await call(sdk(), "GET", "/api/v1/projects/WonderLand/members", undefined, {
      q: "allen",
      pageSize: "5",
    });
    expect(members.statusCode).toBe(200);
    expect(JSON.stringify(members.body.data)).toContain("allen@wonderland.example");

    const decision = await call(sdk(), "POST", "/api/v1/projects/WonderLand/check-access", {
      principal: "allen@wonderland.example",
      action: "Select",
      objectType: "Table",
      objectName: "sales_orders",
    });
    expect(decision.statusCode).toBe(200);
    expect(decision.body.data).toMatchObject({ project: "WonderLand" });
  });

  it("a wrong secret: the SDK surfaces the 403's top-level code and message", async () => {
    const failure = await call(sdk("y".repeat(30)), "GET", "/api/v1/me").catch((error: unknown) => error);
    expect(failure).toMatchObject({
      code: SIGNATURE_REFUSAL.code,
      message: expect.stringContaining("could not be authenticated"),
      data: { statusCode: 403 },
    });
    const audit = await prisma.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(audit).toMatchObject({ action: "access-key.authenticate", result: "DENIED", sourceIp: "127.0.0.1" });
  });

  it("a refusal by the service (a key cannot mint keys) reaches the SDK as its code", async () => {
    const failure = await call(sdk(), "POST", "/api/v1/me/access-keys", {}).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: "FORBIDDEN", data: { statusCode: 403 } });
  });
});
