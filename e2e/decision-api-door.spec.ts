import * as openApiClient from "@alicloud/openapi-client";
import { RuntimeOptions } from "@alicloud/tea-util";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { signRequest } from "../tests/helpers/acs3-test-signer";
import { signIn } from "./personas";

/**
 * The production server answers signed decision-API calls straight from their compiled route handlers, and cookie
 * calls through Next (scripts/decision-fast-path.mjs). The two doors must be one endpoint: the same answers, the
 * same security headers, the same refusals.
 */

const QUESTION = {
  principal: "RAM$wonderland:allen",
  project: "WonderLand",
  action: "odps:Select",
  object: "tables/user_profile",
  columns: ["id", "mobile"],
};
const BATCH = {
  requests: [
    QUESTION,
    { ...QUESTION, action: "odps:Drop", columns: undefined },
    { ...QUESTION, principal: "ALIYUN$nobody@x" },
  ],
};

async function signedPost(
  api: APIRequestContext,
  baseURL: string,
  key: { id: string; secret: string },
  path: string,
  body: string,
) {
  const url = `${baseURL}${path}`;
  const headers = signRequest({ method: "POST", url, accessKeyId: key.id, secret: key.secret, body });
  return api.post(url, { headers, data: body, failOnStatusCode: false });
}

test("signed decision calls (served directly) answer as cookie calls (through Next) do, headers and refusals too", async ({
  page,
  baseURL,
  playwright,
}) => {
  await signIn(page, "alice");
  const console = page.context().request;
  const origin = { Origin: baseURL! };
  const created = await console.post("/api/v1/me/access-keys", { headers: origin, data: { description: "door" } });
  expect(created.status()).toBe(200);
  const key = ((await created.json()) as { data: { id: string; secret: string } }).data;
  // A fresh context: no session cookie, so only the signature can authenticate.
  const api = await playwright.request.newContext();

  for (const [path, body] of [
    ["/api/v1/authorize", QUESTION],
    ["/api/v1/authorize/batch", BATCH],
  ] as const) {
    const text = JSON.stringify(body);
    const signed = await signedPost(api, baseURL!, key, path, text);
    const viaNext = await console.post(path, { headers: origin, data: body });
    expect(signed.status(), `${path} signed: ${await signed.text()}`).toBe(200);
    expect(viaNext.status(), path).toBe(200);
    expect(await signed.json(), path).toEqual(await viaNext.json());
    for (const header of ["x-content-type-options", "x-frame-options", "referrer-policy", "strict-transport-security"])
      expect(signed.headers()[header], `${path}: ${header}`).toBe(viaNext.headers()[header]);
    expect(signed.headers()["content-type"]).toMatch(/^application\/json/);
  }

  const text = JSON.stringify(QUESTION);
  const refusals: [
    what: string,
    signedBody: string,
    sentBody: string,
    tamper: (h: Record<string, string>) => void,
    status: number,
    code: string,
  ][] = [
    [
      "a wrong signature",
      text,
      text,
      (h) =>
        (h.authorization = h.authorization!.replace(
          /Signature=(\w)/,
          (_, first) => `Signature=${first === "0" ? "1" : "0"}`,
        )),
      403,
      "SignatureDoesNotMatch",
    ],
    ["a changed body", text, text.replace("allen", "alice"), () => {}, 403, "SignatureDoesNotMatch"],
    [
      "a changed signed header",
      text,
      text,
      (h) => (h["x-acs-date"] = "2020-01-01T00:00:00Z"),
      403,
      "SignatureDoesNotMatch",
    ],
    ["a body that is not a JSON object", "[1]", "[1]", () => {}, 422, "INVALID_INPUT"],
  ];
  const url = `${baseURL}/api/v1/authorize`;
  for (const [what, signedBody, sentBody, tamper, status, code] of refusals) {
    const headers = signRequest({ method: "POST", url, accessKeyId: key.id, secret: key.secret, body: signedBody });
    tamper(headers);
    const refused = await api.post(url, { headers, data: sentBody, failOnStatusCode: false });
    expect(refused.status(), what).toBe(status);
    expect(((await refused.json()) as { code: string }).code, what).toBe(code);
  }

  // The same signed request twice: the nonce is spent by the first.
  const once = signRequest({ method: "POST", url, accessKeyId: key.id, secret: key.secret, body: text });
  expect((await api.post(url, { headers: once, data: text, failOnStatusCode: false })).status()).toBe(200);
  const replayed = await api.post(url, { headers: once, data: text, failOnStatusCode: false });
  expect(replayed.status()).toBe(403);

  // Every signed answer was recorded and every refusal audited, as through Next.
  const audit = await console.get("/api/v1/audit", { params: { q: "access-key.authenticate", pageSize: "20" } });
  const refusedRows = ((await audit.json()) as { data: { items: { action: string; result: string }[] } }).data.items;
  expect(
    refusedRows.filter((row) => row.action === "access-key.authenticate" && row.result === "DENIED").length,
  ).toBeGreaterThanOrEqual(4);

  expect((await console.delete(`/api/v1/me/access-keys/${key.id}`, { headers: origin })).status()).toBe(200);
  await api.dispose();
});

/** A new AccessKey of alice's, made through the console's own API. */
async function aliceKey(page: Page, baseURL: string, description: string) {
  await signIn(page, "alice");
  const console = page.context().request;
  const created = await console.post("/api/v1/me/access-keys", { headers: { Origin: baseURL }, data: { description } });
  expect(created.status()).toBe(200);
  const key = ((await created.json()) as { data: { id: string; secret: string } }).data;
  return { key, remove: () => console.delete(`/api/v1/me/access-keys/${key.id}`, { headers: { Origin: baseURL } }) };
}

test("Alibaba Cloud's own SDK asks the production server for decisions, one and a batch, and reads its refusal", async ({
  page,
  baseURL,
}) => {
  const { key, remove } = await aliceKey(page, baseURL!, "sdk");
  // A CommonJS package: under Playwright's loader `default` is the whole exports object, whose own `default`
  // is the client; under TypeScript's view it is the client itself.
  const { Config, OpenApiRequest, Params } = openApiClient;
  const exported = openApiClient.default as unknown as { default?: typeof openApiClient.default };
  const OpenApi = exported.default ?? openApiClient.default;
  const sdk = (secret: string) =>
    new OpenApi(
      new Config({ accessKeyId: key.id, accessKeySecret: secret, endpoint: new URL(baseURL!).host, protocol: "http" }),
    );
  const call = (client: InstanceType<typeof OpenApi>, pathname: string, body: unknown) =>
    client.callApi(
      new Params({
        action: "Authorize",
        version: "2026-12-07",
        protocol: "HTTP",
        pathname,
        method: "POST",
        authType: "AK",
        style: "ROA",
        reqBodyType: "json",
        bodyType: "json",
      }),
      new OpenApiRequest({ body }),
      new RuntimeOptions({ autoretry: false, readTimeout: 30_000, connectTimeout: 10_000 }),
    ) as Promise<{ statusCode: number; body: { data: Record<string, unknown> } }>;

  const one = await call(sdk(key.secret), "/api/v1/authorize", QUESTION);
  expect(one.statusCode).toBe(200);
  expect(one.body.data).toMatchObject({ effect: expect.stringMatching(/^(Allow|Deny)$/), columns: expect.any(Array) });
  const batch = await call(sdk(key.secret), "/api/v1/authorize/batch", BATCH);
  expect(batch.statusCode).toBe(200);
  expect((batch.body.data as { answers: unknown[] }).answers).toHaveLength(BATCH.requests.length);
  const refused = await call(sdk("y".repeat(30)), "/api/v1/authorize", QUESTION).catch((error: unknown) => error);
  expect(refused).toMatchObject({ code: "SignatureDoesNotMatch", data: { statusCode: 403 } });
  expect((await remove()).status()).toBe(200);
});
