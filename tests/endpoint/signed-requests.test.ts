import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as getMeRoute } from "@/app/api/v1/me/route";
import { GET as listMembers } from "@/app/api/v1/projects/[project]/members/route";
import { POST as checkAccess } from "@/app/api/v1/projects/[project]/check-access/route";
import { GET as listOwnKeys, POST as createKeyRoute } from "@/app/api/v1/me/access-keys/route";
import { PATCH as patchOwnKey } from "@/app/api/v1/me/access-keys/[id]/route";
import { createAccessKey } from "@/lib/services/access-keys/create-access-key";
import { CLIENT_IP_HEADER, CLIENT_IP_SECRET_HEADER } from "@/lib/http/request-meta";
import { SIGNATURE_REFUSAL } from "@/lib/endpoint/signed-actor";
import { signRequest, type SignOptions } from "../helpers/acs3-test-signer";
import { contextFor, demoDatabase } from "../helpers/test-database";
import { anonymousRefusalCount } from "../helpers/anonymous-refusals";

const prisma = await demoDatabase();

const ALICE = "alice@wonderland.example";
const BASE = "http://security-center.test";
/** WonderLand's whitelist holds 127.0.0.1; this address is outside it. */
const INSIDE = "127.0.0.1";
const OUTSIDE = "203.0.113.9";
const MINUTE = 60_000;

// The address a request came from reaches the app only as scripts/serve.mjs vouches for it (lib/http/request-meta.ts).
process.env.SC_CLIENT_IP_SECRET = "signed-requests-test-client-ip-secret";
const fromAddress = (address: string) => ({
  [CLIENT_IP_HEADER]: address,
  [CLIENT_IP_SECRET_HEADER]: process.env.SC_CLIENT_IP_SECRET!,
});

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
const params = (values: Record<string, string> = {}) => ({ params: Promise.resolve(values) });
const getMe = (request: Request, context = params()) => (getMeRoute as Handler)(request, context);

const ctx = await contextFor(ALICE);
const aliceKey = await createAccessKey(ctx, { description: "signed-requests test" });
const secrets = [aliceKey.secret];

/** Signs with alice's key unless told otherwise; `send` alters what goes on the wire after signing. */
function signed(
  options: Partial<SignOptions> & { method: string; path: string },
  send: { body?: string; path?: string; headers?: Record<string, string>; from?: string } = {},
): Request {
  const headers = signRequest({
    accessKeyId: aliceKey.id,
    secret: aliceKey.secret,
    url: `${BASE}${options.path}`,
    ...options,
  });
  const body = send.body ?? options.body;
  return new Request(`${BASE}${send.path ?? options.path}`, {
    method: options.method,
    headers: { ...headers, ...fromAddress(send.from ?? INSIDE), ...send.headers },
    ...(body !== undefined && options.method !== "GET" ? { body } : {}),
  });
}

const consoleLines: string[] = [];
beforeAll(() => {
  for (const method of ["log", "info", "warn", "error", "debug"] as const) {
    const original = console[method];
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      consoleLines.push(args.map((arg) => (arg instanceof Error ? arg.stack : String(arg))).join(" "));
      original(...args);
    });
  }
});

afterAll(async () => {
  // A key's secret never appears in an audit row or a line this process logged.
  const audit = JSON.stringify(await prisma.auditEvent.findMany(), (_key, value) =>
    typeof value === "bigint" ? String(value) : value,
  );
  for (const secret of secrets) {
    expect(audit).not.toContain(secret);
    expect(consoleLines.join("\n")).not.toContain(secret);
  }
  vi.restoreAllMocks();
});

const CHECK_BODY = JSON.stringify({
  principal: "allen@wonderland.example",
  action: "Select",
  objectType: "Table",
  objectName: "sales_orders",
});

describe("a signed request authenticates as the key's user", () => {
  it("GET: same actor as a session, no Origin needed; lastUsedAt is noted; old nonces are pruned", async () => {
    const hourAgo = new Date(Date.now() - 60 * MINUTE);
    await prisma.signatureNonce.create({
      data: { accessKeyId: aliceKey.id, nonce: "from-an-hour-ago", seenAt: hourAgo },
    });
    const response = await getMe(signed({ method: "GET", path: "/api/v1/me" }), params());
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.data).toMatchObject({ email: ALICE, principal: ctx.actor.principal });
    expect(JSON.stringify(body)).not.toContain(aliceKey.secret);
    const key = await prisma.accessKey.findUniqueOrThrow({ where: { id: aliceKey.id } });
    expect(key.lastUsedAt).not.toBeNull();
    expect(await prisma.signatureNonce.findMany({ where: { accessKeyId: aliceKey.id } })).toEqual([
      expect.objectContaining({ nonce: expect.not.stringMatching("from-an-hour-ago") }),
    ]);
  });

  it("POST with a JSON body and a query string (encoded RFC 3986 style, !'()* included)", async () => {
    const path = "/api/v1/projects/WonderLand/check-access?note=a%20b!'()*&z=1&a=%E2%9C%93";
    const response = await (checkAccess as Handler)(
      signed({ method: "POST", path, body: CHECK_BODY }),
      params({ project: "WonderLand" }),
    );
    expect(response.status, await response.clone().text()).toBe(200);
    expect((await response.json()).data).toMatchObject({ project: "WonderLand" });
  });

  it("a change made with a key is audited like a session's, naming the key as the door", async () => {
    const second = await createAccessKey(ctx, { description: "to disable" });
    secrets.push(second.secret);
    const body = JSON.stringify({ status: "DISABLED" });
    const response = await (patchOwnKey as Handler)(
      signed({ method: "PATCH", path: `/api/v1/me/access-keys/${second.id}`, body }),
      params({ id: second.id }),
    );
    expect(response.status, await response.clone().text()).toBe(200);
    const audit = await prisma.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(audit).toMatchObject({
      action: "access-key.set-status",
      result: "SUCCESS",
      actorType: "ACCESS_KEY",
      actorId: ctx.actor.userId,
      targetId: second.id,
      sourceIp: INSIDE,
    });
  });

  it("a key cannot mint keys: 403 with code and message at the top level too (as Alibaba Cloud's SDK reads them)", async () => {
    const response = await (createKeyRoute as Handler)(
      signed({ method: "POST", path: "/api/v1/me/access-keys", body: "{}" }),
      params(),
    );
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({
      code: "FORBIDDEN",
      message: expect.stringMatching(/console session/),
      error: { code: "FORBIDDEN", message: expect.stringMatching(/console session/) },
    });
  });

  it("a validation error keeps its field errors and adds the top-level code", async () => {
    const response = await (checkAccess as Handler)(
      signed({ method: "POST", path: "/api/v1/projects/WonderLand/check-access", body: '{"action":"Nope"}' }),
      params({ project: "WonderLand" }),
    );
    expect(response.status).toBe(422);
    const body = await response.json();
    expect(body).toMatchObject({ code: "INVALID_INPUT", error: { code: "INVALID_INPUT" } });
    expect(body.error.fieldErrors.action).toBeTruthy();
  });

  it("a signed list of the caller's keys never shows a secret", async () => {
    const response = await (listOwnKeys as Handler)(
      signed({ method: "GET", path: "/api/v1/me/access-keys" }),
      params(),
    );
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toContain(aliceKey.id);
    for (const secret of secrets) expect(text).not.toContain(secret);
  });
});

/** Keys in the states the table needs, made once. */
const disabledKey = await createAccessKey(await contextFor("bob@wonderland.example"), { description: "" });
const deletedKey = await createAccessKey(await contextFor("bob@wonderland.example"), { description: "" });
secrets.push(disabledKey.secret, deletedKey.secret);
await prisma.accessKey.update({ where: { id: disabledKey.id }, data: { status: "DISABLED" } });
await prisma.accessKey.delete({ where: { id: deletedKey.id } });

const replayed = signRequest({
  method: "GET",
  url: `${BASE}/api/v1/me`,
  accessKeyId: aliceKey.id,
  secret: aliceKey.secret,
  nonce: "nonce-used-once",
});

describe("every failed check answers the same 403, and is audited", () => {
  const cases: { name: string; request: () => Request; check: RegExp; handler?: Handler; anonymous?: true }[] = [
    {
      name: "wrong secret",
      request: () => signed({ method: "GET", path: "/api/v1/me", secret: "x".repeat(30) }),
      check: /signature mismatch/,
    },
    {
      name: "changed body",
      request: () =>
        signed(
          { method: "POST", path: "/api/v1/projects/WonderLand/check-access", body: CHECK_BODY },
          { body: CHECK_BODY.replace("allen", "bob") },
        ),
      handler: checkAccess as Handler,
      check: /body does not match/,
    },
    {
      name: "changed signed header",
      request: () => signed({ method: "GET", path: "/api/v1/me" }, { headers: { "x-acs-action": "SomethingElse" } }),
      check: /signature mismatch/,
    },
    {
      name: "an x-acs-* header sent unsigned",
      request: () => signed({ method: "GET", path: "/api/v1/me" }, { headers: { "x-acs-extra": "1" } }),
      check: /not signed/,
    },
    {
      name: "changed path",
      request: () => signed({ method: "GET", path: "/api/v1/me" }, { path: "/api/v1/me/" }),
      check: /signature mismatch/,
    },
    {
      name: "changed query",
      request: () => signed({ method: "GET", path: "/api/v1/me?page=1" }, { path: "/api/v1/me?page=2" }),
      check: /signature mismatch/,
    },
    {
      name: "stale date (6 minutes ago)",
      request: () => signed({ method: "GET", path: "/api/v1/me", date: new Date(Date.now() - 6 * MINUTE) }),
      check: /x-acs-date/,
    },
    {
      name: "future date (6 minutes ahead)",
      request: () => signed({ method: "GET", path: "/api/v1/me", date: new Date(Date.now() + 6 * MINUTE) }),
      check: /x-acs-date/,
    },
    {
      name: "replayed nonce",
      request: () => new Request(`${BASE}/api/v1/me`, { headers: { ...replayed, ...fromAddress(INSIDE) } }),
      check: /replayed/,
    },
    {
      name: "disabled key",
      request: () =>
        signed({ method: "GET", path: "/api/v1/me", accessKeyId: disabledKey.id, secret: disabledKey.secret }),
      check: /disabled AccessKey/,
    },
    {
      name: "deleted key",
      request: () =>
        signed({ method: "GET", path: "/api/v1/me", accessKeyId: deletedKey.id, secret: deletedKey.secret }),
      check: /unknown AccessKey/,
      anonymous: true,
    },
    {
      name: "unknown key",
      request: () => signed({ method: "GET", path: "/api/v1/me", accessKeyId: "LTAInosuchkey00000000000" }),
      check: /unknown AccessKey/,
      anonymous: true,
    },
    {
      name: "malformed Authorization",
      request: () =>
        new Request(`${BASE}/api/v1/me`, {
          headers: { authorization: "ACS3-HMAC-SHA256 Credential=a,Signature=zz", ...fromAddress(INSIDE) },
        }),
      check: /malformed/,
      anonymous: true,
    },
  ];

  it("the replayed request was accepted the first time", async () => {
    const first = await getMe(new Request(`${BASE}/api/v1/me`, { headers: { ...replayed, ...fromAddress(INSIDE) } }));
    expect(first.status).toBe(200);
  });

  for (const testCase of cases) {
    it(`${testCase.name} → 403 ${SIGNATURE_REFUSAL.code}, audited`, async () => {
      const last = await prisma.auditEvent.findFirst({ orderBy: { id: "desc" }, select: { id: true } });
      const countedBefore = await anonymousRefusalCount("access-key.authenticate");
      const handler = testCase.handler ?? getMe;
      const response = await handler(testCase.request(), params({ project: "WonderLand" }));
      expect(response.status).toBe(403);
      expect(await response.json()).toEqual({
        ...SIGNATURE_REFUSAL,
        error: { code: "UNAUTHENTICATED", message: SIGNATURE_REFUSAL.message },
      });
      const rows = await prisma.auditEvent.findMany({ where: { id: { gt: last?.id ?? 0n } } });
      if (testCase.anonymous) {
        // No key to name a tenant: counted per address and minute, not chained (lib/audit/anonymous-refusals.ts).
        expect(rows).toEqual([]);
        expect(await anonymousRefusalCount("access-key.authenticate")).toBe(countedBefore + 1);
        return;
      }
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        action: "access-key.authenticate",
        result: "DENIED",
        actorType: "ACCESS_KEY",
        tenantId: ctx.actor.tenantId,
        sourceIp: INSIDE,
      });
      expect(rows[0]!.reason).toMatch(testCase.check);
    });
  }
});

describe("the IP whitelists apply to signed calls", () => {
  it("the project whitelist: from outside it a signed read is refused (403, audited); from inside it passes", async () => {
    const inside = await (listMembers as Handler)(
      signed({ method: "GET", path: "/api/v1/projects/WonderLand/members" }),
      params({ project: "WonderLand" }),
    );
    expect(inside.status).toBe(200);
    const outside = await (listMembers as Handler)(
      signed({ method: "GET", path: "/api/v1/projects/WonderLand/members" }, { from: OUTSIDE }),
      params({ project: "WonderLand" }),
    );
    expect(outside.status).toBe(403);
    expect(await outside.json()).toMatchObject({ code: "FORBIDDEN", error: { code: "FORBIDDEN" } });
    const audit = await prisma.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(audit).toMatchObject({
      action: "member.list",
      result: "DENIED",
      actorType: "ACCESS_KEY",
      sourceIp: OUTSIDE,
    });
  });

  it("the system whitelist: a call about no project is refused from outside it too", async () => {
    const entry = await prisma.whitelistEntry.create({
      data: { scope: "SYSTEM", value: "127.0.0.0/8", createdById: ctx.actor.userId },
    });
    try {
      const outside = await getMe(signed({ method: "GET", path: "/api/v1/me" }, { from: OUTSIDE }));
      expect(outside.status).toBe(403);
      const inside = await getMe(signed({ method: "GET", path: "/api/v1/me" }, { from: INSIDE }));
      expect(inside.status).toBe(200);
      const audit = await prisma.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });
      expect(audit).toMatchObject({ action: "me.get", result: "DENIED", actorType: "ACCESS_KEY", sourceIp: OUTSIDE });
    } finally {
      await prisma.whitelistEntry.delete({ where: { id: entry.id } });
    }
  });
});

describe("a nonce is accepted once", () => {
  it("one signed request replayed 50 times concurrently → exactly 1 accepted", async () => {
    const headers = signRequest({
      method: "GET",
      url: `${BASE}/api/v1/me`,
      accessKeyId: aliceKey.id,
      secret: aliceKey.secret,
    });
    const statuses = await Promise.all(
      Array.from(
        { length: 50 },
        async () =>
          (await getMe(new Request(`${BASE}/api/v1/me`, { headers: { ...headers, ...fromAddress(INSIDE) } }))).status,
      ),
    );
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    expect(statuses.filter((status) => status === 403)).toHaveLength(49);
  });
});

const bob = await contextFor("bob@wonderland.example");
const allen = await contextFor("allen@wonderland.example");

describe("a key's standing is read afresh on every request (only its opened secret is kept between requests)", () => {
  const callAsBob = async (key: { id: string; secret: string }) => {
    const last = await prisma.auditEvent.findFirst({ orderBy: { id: "desc" }, select: { id: true } });
    const response = await getMe(
      signed({ method: "GET", path: "/api/v1/me", accessKeyId: key.id, secret: key.secret }),
    );
    const refusal = await prisma.auditEvent.findFirst({
      where: { id: { gt: last?.id ?? 0n }, action: "access-key.authenticate" },
    });
    return { status: response.status, body: response.ok ? await response.json() : null, reason: refusal?.reason };
  };

  it("used, then disabled, its user disabled, or deleted: refused on the very next request", async () => {
    const key = await createAccessKey(bob, { description: "revocation" });
    secrets.push(key.secret);
    expect((await callAsBob(key)).status).toBe(200);
    await prisma.accessKey.update({ where: { id: key.id }, data: { status: "DISABLED" } });
    expect(await callAsBob(key)).toMatchObject({ status: 403, reason: expect.stringMatching(/disabled AccessKey/) });
    await prisma.accessKey.update({ where: { id: key.id }, data: { status: "ACTIVE" } });
    expect((await callAsBob(key)).status).toBe(200);

    await prisma.user.update({ where: { id: bob.actor.userId }, data: { disabled: true } });
    try {
      expect(await callAsBob(key)).toMatchObject({ status: 403, reason: expect.stringMatching(/user or account/) });
    } finally {
      await prisma.user.update({ where: { id: bob.actor.userId }, data: { disabled: false } });
    }
    expect((await callAsBob(key)).status).toBe(200);

    // A key no longer known names no one: its refusal is counted, not chained.
    await prisma.accessKey.delete({ where: { id: key.id } });
    const anonymousBefore = await anonymousRefusalCount("access-key.authenticate");
    expect(await callAsBob(key)).toMatchObject({ status: 403, reason: undefined });
    expect(await anonymousRefusalCount("access-key.authenticate")).toBe(anonymousBefore + 1);
  });

  it("a tenant role granted or revoked counts from the next request", async () => {
    const user = allen;
    const roleKey = await createAccessKey(user, { description: "roles" });
    secrets.push(roleKey.secret);
    const roles = async () => {
      const response = await getMe(
        signed({ method: "GET", path: "/api/v1/me", accessKeyId: roleKey.id, secret: roleKey.secret }),
      );
      expect(response.status).toBe(200);
      return ((await response.json()) as { data: { tenantRoles: string[] } }).data.tenantRoles;
    };
    const before = await roles();
    expect(before).not.toContain("AUDITOR");
    const granted = await prisma.tenantRoleAssignment.create({
      data: { tenantId: user.actor.tenantId, userId: user.actor.userId, role: "AUDITOR" },
    });
    expect(await roles()).toContain("AUDITOR");
    await prisma.tenantRoleAssignment.delete({ where: { id: granted.id } });
    expect(await roles()).toEqual(before);
  });
});
