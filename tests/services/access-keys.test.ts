import { describe, expect, it } from "vitest";
import { runEndpoint } from "@/lib/endpoint/run-endpoint";
import type { EndpointDefinition } from "@/lib/endpoint/define-endpoint";
import { openSecret } from "@/lib/access-keys/secret-envelope";
import { createAccessKeyEndpoint } from "@/lib/services/access-keys/create-access-key";
import { listOwnAccessKeysEndpoint } from "@/lib/services/access-keys/list-own-access-keys";
import { setOwnAccessKeyStatusEndpoint } from "@/lib/services/access-keys/set-own-access-key-status";
import { deleteOwnAccessKeyEndpoint } from "@/lib/services/access-keys/delete-own-access-key";
import { listAccountAccessKeysEndpoint } from "@/lib/services/access-keys/list-account-access-keys";
import { disableAccountAccessKeyEndpoint } from "@/lib/services/access-keys/disable-account-access-key";
import { itRefuses, type AnyEndpoint } from "../helpers/refusal-table";
import { databaseDump } from "../helpers/database-dump";
import { contextFor, demoDatabase, requestMeta } from "../helpers/test-database";

const prisma = await demoDatabase();

const ALICE = "alice@wonderland.example";
const BOB = "bob@wonderland.example";
const ALLEN = "allen@wonderland.example";
const SAM = "sam@secretgarden.example";

type Created = { id: string; secret: string; createdAt: Date };
const as = (endpoint: unknown) => endpoint as AnyEndpoint;

async function call<T>(endpoint: EndpointDefinition<never, T>, email: string, input: Record<string, unknown> = {}) {
  const ctx = await contextFor(email);
  return runEndpoint(as(endpoint), ctx.actor, requestMeta(), input) as Promise<
    { ok: true; data: T } | { ok: false; error: { code: string; message: string } }
  >;
}

async function createKey(email: string, description = ""): Promise<Created> {
  const result = await call(as(createAccessKeyEndpoint) as never, email, { description });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.data as Created;
}

/** Everything a later answer, audit row or console line could hold, as one text to search. */
async function auditText() {
  return JSON.stringify(await prisma.auditEvent.findMany(), (_key, value) =>
    typeof value === "bigint" ? String(value) : value,
  );
}

describe("AccessKeys: create, list, enable/disable, delete (the caller's own)", () => {
  it("creates a key: id, secret (shown once) and time; sealed at rest; audited without the secret", async () => {
    const auditBefore = await prisma.auditEvent.count();
    const key = await createKey(BOB, "nightly export");
    expect(key.id).toMatch(/^LTAI[A-Za-z0-9]{20}$/);
    expect(key.secret).toMatch(/^[A-Za-z0-9]{30}$/);

    const row = await prisma.accessKey.findUniqueOrThrow({ where: { id: key.id } });
    expect(row.status).toBe("ACTIVE");
    expect(Buffer.from(row.secretCiphertext).toString("utf8")).not.toContain(key.secret);
    expect(openSecret(key.id, row)).toBe(key.secret);
    // The id is bound into the envelope: the sealed secret does not open as another key's.
    expect(() => openSecret("LTAIsomeotherkey0000000", row)).toThrow();

    expect(await prisma.auditEvent.count()).toBe(auditBefore + 1);
    const audit = await prisma.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(audit).toMatchObject({ action: "access-key.create", result: "SUCCESS", targetId: key.id });
    expect(await auditText()).not.toContain(key.secret);

    const listed = await call(as(listOwnAccessKeysEndpoint) as never, BOB);
    expect(JSON.stringify(listed)).not.toContain(key.secret);
    expect(listed).toMatchObject({ ok: true, data: { items: [{ id: key.id, description: "nightly export" }] } });
  });

  it("allows at most 2 active keys, enabling included; a disabled key frees a place", async () => {
    const first = await createKey(ALLEN);
    await createKey(ALLEN);
    const third = await call(as(createAccessKeyEndpoint) as never, ALLEN, {});
    expect(third).toMatchObject({
      ok: false,
      error: { code: "CONFLICT", message: expect.stringMatching(/at most 2/) },
    });

    const disabled = await call(as(setOwnAccessKeyStatusEndpoint) as never, ALLEN, {
      id: first.id,
      status: "DISABLED",
    });
    expect(disabled).toMatchObject({ ok: true, data: { id: first.id, status: "DISABLED" } });
    await createKey(ALLEN);
    const reenable = await call(as(setOwnAccessKeyStatusEndpoint) as never, ALLEN, { id: first.id, status: "ACTIVE" });
    expect(reenable).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    expect(await prisma.accessKey.count({ where: { user: { email: ALLEN }, status: "ACTIVE" } })).toBe(2);

    const deleted = await call(as(deleteOwnAccessKeyEndpoint) as never, ALLEN, { id: first.id });
    expect(deleted).toMatchObject({ ok: true, data: { id: first.id, deleted: true } });
    expect(await prisma.accessKey.findUnique({ where: { id: first.id } })).toBeNull();
    const audit = await prisma.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(audit).toMatchObject({ action: "access-key.delete", targetId: first.id, result: "SUCCESS" });
  });

  it("two concurrent creations cannot pass the limit together", async () => {
    const results = await Promise.all([1, 2, 3].map(() => call(as(createAccessKeyEndpoint) as never, SAM, {})));
    expect(results.filter((result) => result.ok)).toHaveLength(2);
    expect(await prisma.accessKey.count({ where: { user: { email: SAM }, status: "ACTIVE" } })).toBe(2);
  });

  it("an AccessKey (a signed caller) can neither mint nor enable keys, but may disable one", async () => {
    const key = await createKey(ALICE);
    const signed = { ...(await contextFor(ALICE)).actor, via: "access-key" as const };
    const mint = await runEndpoint(as(createAccessKeyEndpoint), signed, requestMeta(), {});
    expect(mint).toMatchObject({
      ok: false,
      error: { code: "FORBIDDEN", message: expect.stringMatching(/console session/) },
    });
    const off = await runEndpoint(as(setOwnAccessKeyStatusEndpoint), signed, requestMeta(), {
      id: key.id,
      status: "DISABLED",
    });
    expect(off.ok).toBe(true);
    const on = await runEndpoint(as(setOwnAccessKeyStatusEndpoint), signed, requestMeta(), {
      id: key.id,
      status: "ACTIVE",
    });
    expect(on).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    const audit = await prisma.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(audit).toMatchObject({ action: "access-key.set-status", result: "DENIED", actorType: "ACCESS_KEY" });
  });
});

describe("AccessKeys of the account's sub-accounts (admins)", () => {
  it("the owner lists the sub-accounts' keys (never another tenant's, never a secret) and disables one", async () => {
    const bobKey = await createKey(BOB);
    const listed = await call(as(listAccountAccessKeysEndpoint) as never, ALICE, { q: "bob" });
    expect(listed.ok).toBe(true);
    const text = JSON.stringify(listed);
    expect(text).toContain(bobKey.id);
    expect(text).not.toContain(bobKey.secret);
    expect(text).not.toContain("sam@secretgarden.example");

    const disabled = await call(as(disableAccountAccessKeyEndpoint) as never, ALICE, {
      id: bobKey.id,
      status: "DISABLED",
    });
    expect(disabled).toMatchObject({ ok: true, data: { id: bobKey.id, status: "DISABLED" } });
    const audit = await prisma.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(audit).toMatchObject({ action: "access-key.disable-account", targetId: bobKey.id, result: "SUCCESS" });
  });

  it("an administrator's disabling is final for the owner: enabling it again is refused and audited; deleting is not", async () => {
    const bobKey = await createKey(BOB, "disabled by alice");
    expect(
      await call(as(disableAccountAccessKeyEndpoint) as never, ALICE, { id: bobKey.id, status: "DISABLED" }),
    ).toMatchObject({ ok: true, data: { status: "DISABLED", disabledByAdmin: true } });
    const enable = await call(as(setOwnAccessKeyStatusEndpoint) as never, BOB, { id: bobKey.id, status: "ACTIVE" });
    expect(enable).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect((await prisma.accessKey.findUniqueOrThrow({ where: { id: bobKey.id } })).status).toBe("DISABLED");
    const audit = await prisma.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(audit).toMatchObject({ action: "access-key.set-status", result: "DENIED" });

    // A key its owner disabled themselves is theirs to enable again.
    const own = await createKey(BOB, "paused by bob");
    expect(
      await call(as(setOwnAccessKeyStatusEndpoint) as never, BOB, { id: own.id, status: "DISABLED" }),
    ).toMatchObject({
      ok: true,
      data: { disabledByAdmin: false },
    });
    expect(await call(as(setOwnAccessKeyStatusEndpoint) as never, BOB, { id: own.id, status: "ACTIVE" })).toMatchObject(
      {
        ok: true,
        data: { status: "ACTIVE" },
      },
    );
    expect(await call(as(deleteOwnAccessKeyEndpoint) as never, BOB, { id: bobKey.id })).toMatchObject({ ok: true });
  });

  const keyOf = async (email: string) =>
    (await prisma.accessKey.findFirstOrThrow({ where: { user: { email } }, orderBy: { createdAt: "desc" } })).id;
  const keyStates = () => prisma.accessKey.findMany({ orderBy: { id: "asc" }, select: { id: true, status: true } });

  itRefuses(
    [
      {
        description: "another tenant's owner cannot disable WonderLand's key (not found in their account)",
        who: SAM,
        endpoint: as(disableAccountAccessKeyEndpoint),
        input: async () => ({ id: await keyOf(ALLEN), status: "DISABLED" }),
        code: "NOT_FOUND",
      },
      {
        description: "a sub-account without account roles may not",
        who: BOB,
        endpoint: as(disableAccountAccessKeyEndpoint),
        input: async () => ({ id: await keyOf(ALLEN), status: "DISABLED" }),
        code: "FORBIDDEN",
      },
      {
        description: "an admin may only disable (status DISABLED)",
        who: ALICE,
        endpoint: as(disableAccountAccessKeyEndpoint),
        input: async () => ({ id: await keyOf(ALLEN), status: "ACTIVE" }),
        code: "INVALID_INPUT",
        field: "status",
      },
      {
        description: "a sub-account may not list the account's keys",
        who: BOB,
        endpoint: as(listAccountAccessKeysEndpoint),
        input: {},
        code: "FORBIDDEN",
      },
      {
        description: "nobody changes another user's key through their own-key route",
        who: BOB,
        endpoint: as(setOwnAccessKeyStatusEndpoint),
        input: async () => ({ id: await keyOf(ALLEN), status: "DISABLED" }),
        code: "NOT_FOUND",
      },
      {
        description: "nobody deletes another user's key",
        who: SAM,
        endpoint: as(deleteOwnAccessKeyEndpoint),
        input: async () => ({ id: await keyOf(ALLEN) }),
        code: "NOT_FOUND",
      },
      {
        description: "a malformed key id names the field",
        who: BOB,
        endpoint: as(deleteOwnAccessKeyEndpoint),
        input: { id: "not a key; drop table" },
        code: "INVALID_INPUT",
        field: "id",
      },
      {
        description: "without a session nothing is created",
        who: null,
        endpoint: as(createAccessKeyEndpoint),
        input: {},
        code: "UNAUTHENTICATED",
      },
    ],
    keyStates,
  );
});

describe("no plaintext secret at rest", () => {
  it("a dump of the whole database holds the key ids but none of the secrets", async () => {
    const keys = [await createKey(ALICE, "dump probe")];
    const dump = await databaseDump();
    // Positive control: the dump does hold what is stored in the clear (so the search below can find text).
    for (const key of keys) expect(dump.includes(Buffer.from(key.id))).toBe(true);
    expect(dump.includes(Buffer.from("dump probe"))).toBe(true);
    for (const key of keys) expect(dump.includes(Buffer.from(key.secret))).toBe(false);
  });
});
