import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { runEndpoint } from "@/lib/endpoint/run-endpoint";
import { getWebhookEndpoint } from "@/lib/services/webhooks/get-webhook";
import { removeWebhookEndpoint } from "@/lib/services/webhooks/remove-webhook";
import { setWebhookEndpoint } from "@/lib/services/webhooks/set-webhook";
import { createRoleEndpoint } from "@/lib/services/roles/create-role";
import { openSecret } from "@/lib/access-keys/secret-envelope";
import { webhookSecretBinding } from "@/lib/webhooks/webhook-secret";
import { backoffSeconds, deliverDueWebhooks, MAX_ATTEMPTS } from "@/lib/webhooks/deliver-webhooks";
import { postWebhook } from "@/lib/webhooks/post-webhook";
import { SIGNATURE_HEADER, webhookSignatureMatches } from "@/lib/webhooks/webhook-signature";
import { itRefuses, type AnyEndpoint } from "../helpers/refusal-table";
import { contextFor, demoDatabase, requestMeta } from "../helpers/test-database";

const prisma = await demoDatabase();

const ALICE = "alice@wonderland.example";
const BOB = "bob@wonderland.example";
const ALLEN = "allen@wonderland.example";
const SAM = "sam@secretgarden.example";
const as = (endpoint: unknown) => endpoint as AnyEndpoint;

/** A receiver on this machine: records what it is sent, answers `status`. */
const received: { body: string; signature: string }[] = [];
let status = 200;
const receiver = http.createServer((request, response) => {
  let body = "";
  request.on("data", (chunk) => (body += chunk));
  request.on("end", () => {
    received.push({ body, signature: String(request.headers[SIGNATURE_HEADER] ?? "") });
    response.writeHead(status).end();
  });
});
await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
const RECEIVER_URL = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

async function call(email: string, endpoint: unknown, input: Record<string, unknown>) {
  const { actor } = await contextFor(email);
  return runEndpoint(as(endpoint), actor, requestMeta(), input);
}

async function setWebhook(input: Record<string, unknown>) {
  const result = await call(ALICE, setWebhookEndpoint, { project: "WonderLand", ...input });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.data as { url: string; enabled: boolean; secret: string | null };
}

const undelivered = () => prisma.webhookDelivery.findMany({ where: { deliveredAt: null }, orderBy: { id: "asc" } });
/** Due now: what the sender would take on its next round. */
const makeDue = () => prisma.webhookDelivery.updateMany({ data: { nextAttemptAt: new Date(Date.now() - 1000) } });

beforeEach(() => {
  received.length = 0;
  status = 200;
  process.env.WEBHOOK_ALLOW_PRIVATE_TARGETS = "1";
});

describe("a project's webhook: set, read, signed deliveries from the outbox", () => {
  let secret = "";

  it("setting it makes a signing secret shown once: not in the read, not in the audit row, sealed at rest", async () => {
    const saved = await setWebhook({ url: RECEIVER_URL });
    expect(saved.secret).toMatch(/^whsec_[A-Za-z0-9_-]{32}$/);
    secret = saved.secret!;
    const read = await call(ALICE, getWebhookEndpoint, { project: "WonderLand" });
    expect(read).toMatchObject({ ok: true, data: { webhook: { url: RECEIVER_URL, enabled: true } } });
    expect(JSON.stringify(read)).not.toContain(secret);
    const audit = await prisma.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(audit).toMatchObject({ action: "webhook.set", result: "SUCCESS", targetName: RECEIVER_URL });
    expect(JSON.stringify(audit.after)).not.toContain(secret);
    const sealed = await prisma.projectWebhook.findFirstOrThrow();
    expect(Buffer.from(sealed.secretCiphertext).toString("latin1")).not.toContain(secret);
    expect(openSecret(webhookSecretBinding(sealed.projectId), sealed)).toBe(secret);
    // Saving again keeps the secret (none is answered); rotating answers a new one.
    expect((await setWebhook({ url: RECEIVER_URL })).secret).toBeNull();
  });

  it("an audited change is queued in its own transaction and delivered signed; a refused one is not queued", async () => {
    await prisma.webhookDelivery.deleteMany();
    const refused = await call(ALLEN, createRoleEndpoint, { project: "WonderLand", name: "hook_reader" });
    expect(refused.ok).toBe(false);
    expect(await undelivered()).toEqual([]);

    const added = await call(ALICE, createRoleEndpoint, { project: "WonderLand", name: "hook_reader" });
    expect(added.ok).toBe(true);
    expect((await undelivered()).map((row) => row.event)).toEqual(["role.create"]);

    expect(await deliverDueWebhooks()).toEqual({ claimed: 1, sent: 1 });
    expect(received).toHaveLength(1);
    const [delivery] = received;
    expect(webhookSignatureMatches(secret, delivery!.body, delivery!.signature)).toBe(true);
    expect(webhookSignatureMatches(secret, `${delivery!.body} `, delivery!.signature)).toBe(false);
    expect(webhookSignatureMatches("whsec_another", delivery!.body, delivery!.signature)).toBe(false);
    expect(JSON.parse(delivery!.body)).toMatchObject({
      event: "role.create",
      project: "WonderLand",
      result: "SUCCESS",
      actor: { name: expect.stringContaining("wonderland"), type: "USER" },
      target: { type: "ROLE", name: "hook_reader" },
    });
    expect(await undelivered()).toEqual([]);
    // Delivered once: the next round finds nothing due.
    expect(await deliverDueWebhooks()).toEqual({ claimed: 0, sent: 0 });
  });

  it("a receiver's error is retried with growing waits, then abandoned after the last attempt", async () => {
    await prisma.webhookDelivery.deleteMany();
    await setWebhook({ url: RECEIVER_URL });
    status = 503;
    const started = Date.now();
    expect(await deliverDueWebhooks()).toEqual({ claimed: 1, sent: 0 });
    const [first] = await undelivered();
    expect(first).toMatchObject({ attempts: 1, lastStatus: 503, abandonedAt: null });
    expect(first!.nextAttemptAt.getTime() - started).toBeGreaterThanOrEqual(backoffSeconds(1) * 1000 - 50);
    expect(backoffSeconds(2)).toBe(2 * backoffSeconds(1));
    // Not due yet: nothing is sent before its wait is over.
    expect(await deliverDueWebhooks()).toEqual({ claimed: 0, sent: 0 });
    for (let attempt = 2; attempt <= MAX_ATTEMPTS; attempt++) {
      await makeDue();
      await deliverDueWebhooks();
    }
    const [last] = await undelivered();
    expect(last).toMatchObject({ attempts: MAX_ATTEMPTS, abandonedAt: expect.any(Date) });
    await makeDue();
    expect(await deliverDueWebhooks()).toEqual({ claimed: 0, sent: 0 });
    expect(received).toHaveLength(MAX_ATTEMPTS);
  });

  it("two senders at once never send the same delivery twice", async () => {
    await prisma.webhookDelivery.deleteMany();
    for (let i = 0; i < 5; i++) await setWebhook({ url: RECEIVER_URL });
    const rounds = await Promise.all([deliverDueWebhooks(), deliverDueWebhooks(), deliverDueWebhooks()]);
    expect(rounds.reduce((sum, round) => sum + round.sent, 0)).toBe(5);
    const ids = received.map((delivery) => JSON.parse(delivery.body).delivery);
    expect(new Set(ids).size).toBe(5);
    expect(ids).toHaveLength(5);
  });

  it("never reaches loopback or private addresses unless the deployment allows it (SSRF)", async () => {
    await prisma.webhookDelivery.deleteMany();
    await setWebhook({ url: RECEIVER_URL });
    delete process.env.WEBHOOK_ALLOW_PRIVATE_TARGETS;
    expect(await deliverDueWebhooks()).toEqual({ claimed: 1, sent: 0 });
    expect(received).toEqual([]);
    expect((await undelivered())[0]!.lastError).toMatch(/127\.0\.0\.1 \(loopback\)/);
  });

  it("vets the address the socket connects to, not only the earlier check (no DNS-rebinding window)", async () => {
    delete process.env.WEBHOOK_ALLOW_PRIVATE_TARGETS;
    const byName = RECEIVER_URL.replace("127.0.0.1", "localhost");
    await expect(postWebhook(byName, {}, "{}", 5_000)).rejects.toThrow(/localhost resolves to .*\(loopback\)/);
    expect(received).toEqual([]);
    process.env.WEBHOOK_ALLOW_PRIVATE_TARGETS = "1";
    expect(await postWebhook(byName, {}, "{}", 5_000)).toBe(200);
    expect(received).toHaveLength(1);
  });

  it("a paused webhook queues nothing; removing it deletes its outbox", async () => {
    await prisma.webhookDelivery.deleteMany();
    await setWebhook({ url: RECEIVER_URL, enabled: "false" });
    expect(await call(ALICE, createRoleEndpoint, { project: "WonderLand", name: "hook_writer" })).toMatchObject({
      ok: true,
    });
    expect(await undelivered()).toEqual([]);
    await setWebhook({ url: RECEIVER_URL, enabled: true });
    expect(await prisma.webhookDelivery.count()).toBe(1);
    expect(await call(ALICE, removeWebhookEndpoint, { project: "WonderLand" })).toMatchObject({ ok: true });
    expect(await prisma.webhookDelivery.count()).toBe(0);
    expect(await prisma.projectWebhook.count()).toBe(0);
  });
});

describe("who may configure it, and what it accepts", () => {
  const state = async () => ({
    webhooks: await prisma.projectWebhook.findMany({ select: { projectId: true, url: true, enabled: true } }),
    deliveries: await prisma.webhookDelivery.count(),
  });
  const wonderland = { project: "WonderLand" };
  const url = "https://hooks.example.com/x";
  itRefuses(
    [
      {
        description: "an ordinary member",
        who: ALLEN,
        endpoint: as(setWebhookEndpoint),
        input: { ...wonderland, url },
        code: "FORBIDDEN",
      },
      {
        description: "an ordinary member reads no deliveries",
        who: ALLEN,
        endpoint: as(getWebhookEndpoint),
        input: wonderland,
        code: "FORBIDDEN",
      },
      {
        description: "the Admin role (security settings are the owner's and Super_Administrator's)",
        who: BOB,
        endpoint: as(setWebhookEndpoint),
        input: { ...wonderland, url },
        code: "FORBIDDEN",
      },
      {
        description: "the Admin role cannot remove it either",
        who: BOB,
        endpoint: as(removeWebhookEndpoint),
        input: wonderland,
        code: "FORBIDDEN",
      },
      {
        description: "another tenant's owner",
        who: SAM,
        endpoint: as(setWebhookEndpoint),
        input: { ...wonderland, url },
        code: "NOT_FOUND",
      },
      {
        description: "another tenant's owner reads nothing",
        who: SAM,
        endpoint: as(getWebhookEndpoint),
        input: wonderland,
        code: "NOT_FOUND",
      },
      {
        description: "no session",
        who: null,
        endpoint: as(setWebhookEndpoint),
        input: { ...wonderland, url },
        code: "UNAUTHENTICATED",
      },
      {
        description: "not http(s)",
        who: ALICE,
        endpoint: as(setWebhookEndpoint),
        input: { ...wonderland, url: "ftp://hooks.example.com/" },
        code: "INVALID_INPUT",
        field: "url",
        message: /https:\/\//,
      },
      {
        description: "a password in the URL",
        who: ALICE,
        endpoint: as(setWebhookEndpoint),
        input: { ...wonderland, url: "https://u:p@hooks.example.com/" },
        code: "INVALID_INPUT",
        field: "url",
        message: /password/,
      },
      {
        description: "not a URL",
        who: ALICE,
        endpoint: as(setWebhookEndpoint),
        input: { ...wonderland, url: "hooks" },
        code: "INVALID_INPUT",
        field: "url",
      },
      {
        description: "a URL too long",
        who: ALICE,
        endpoint: as(setWebhookEndpoint),
        input: { ...wonderland, url: `https://h.example.com/${"a".repeat(2100)}` },
        code: "INVALID_INPUT",
        field: "url",
        message: /2048/,
      },
      {
        description: "a blank switch is not read as off",
        who: ALICE,
        endpoint: as(setWebhookEndpoint),
        input: { ...wonderland, url, enabled: "" },
        code: "INVALID_INPUT",
        field: "enabled",
      },
      {
        description: "removing a webhook that is not there",
        who: ALICE,
        endpoint: as(removeWebhookEndpoint),
        input: wonderland,
        code: "NOT_FOUND",
      },
    ],
    state,
  );
});
