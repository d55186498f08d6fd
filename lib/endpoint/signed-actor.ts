import { prisma } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { preparedQuery } from "@/lib/db/prepared-query";
import type { Actor, RequestMeta } from "@/lib/context/service-context";
import { recordAuditEvent, type AuditWho } from "@/lib/audit/record-audit-event";
import { openSecret } from "@/lib/access-keys/secret-envelope";
import {
  REQUIRED_SIGNED_HEADERS,
  acs3Signature,
  canonicalRequest,
  parseAcs3Authorization,
  parseAcsDate,
  sameHex,
  sha256Hex,
} from "@/lib/access-keys/acs3-signature";
import { ACTOR_USER_INCLUDE, actorOfUser, type ActorUserFields } from "./resolve-actor";
import { readCappedBytes } from "./capped-body";

/** How far `x-acs-date` may be from the server's clock, either way (security-requirements.md: 5 minutes). */
export const SIGNATURE_DATE_WINDOW_MS = 5 * 60_000;
/**
 * How long a seen nonce is kept: a date is accepted while the clock is within the window of it, so a replay is
 * possible for twice the window after the first use; a minute more for the clocks of several workers.
 */
const NONCE_RETENTION_MS = 2 * SIGNATURE_DATE_WINDOW_MS + 60_000;
const PRUNE_EVERY_MS = 60_000;
/** lastUsedAt is written at most this often per key: it is shown to people, not used for decisions. */
const LAST_USED_RESOLUTION_MS = 60_000;
const MAX_NONCE_LENGTH = 128;

/**
 * What a signed request came to: its actor and body, a body over the cap, or a refusal. The refusal's `check`
 * names the failed check for the audit row only; the answer never says which (see SIGNATURE_REFUSAL).
 */
export type SignedRequest =
  | { ok: true; actor: Actor; body: string; systemWhitelist: string[] }
  | { ok: false; tooLarge: true }
  | { ok: false; tooLarge?: false; check: string };

/**
 * The one answer to every failed signature check (unknown or disabled key, bad signature, changed body or
 * signed header, stale or future date, replayed nonce): which check failed is recorded in the audit row, never
 * told to the caller, who would otherwise learn which key ids exist or are disabled.
 */
export const SIGNATURE_REFUSAL = {
  code: "SignatureDoesNotMatch",
  message:
    "The request could not be authenticated: check the AccessKey, the signature, the x-acs-date (within 5 minutes) " +
    "and that x-acs-signature-nonce is new.",
} as const;

/**
 * Authenticates a request signed with ACS3-HMAC-SHA256 (lib/access-keys/acs3-signature.ts) as its key's user.
 * Order: parse the header, look the key up (on its first use by this instance) and verify the signature over
 * the headers (no byte of the body is read for an unknown key or a bad signature), check the date, read the body
 * under its cap and check it hashes to the signed x-acs-content-sha256, and last, in one statement, store the
 * nonce (unique: one use) while the key, its user and their account may still be used, reading the user as they
 * are now. Every refusal is audited.
 */
export async function signedRequestActor(
  request: Request,
  meta: RequestMeta,
  bodyLimit: number,
  {
    nonceFlushedByAnswer,
    now = new Date(),
  }: {
    /** The operation commits durably before every answer (EndpointDefinition.recordsEveryAnswer). */
    nonceFlushedByAnswer: boolean;
    now?: Date;
  },
): Promise<SignedRequest> {
  const authorization = parseAcs3Authorization(request.headers.get("authorization") ?? "");
  if (!authorization) return refuse(meta, null, null, "malformed Authorization header");
  const { accessKeyId, signedHeaders, signature } = authorization;
  let secret = openedSecrets.get(accessKeyId);
  if (secret === undefined) {
    // First use on this instance: the key's standing is checked here, its secret opened and kept.
    const key = await loadKey(accessKeyId);
    if (!key) return refuse(meta, null, accessKeyId, "unknown AccessKey");
    const standing = standingOf(key);
    if (standing) return refuse(meta, actorOfUser(key.user, "access-key"), accessKeyId, standing);
    secret = openSecret(key.id, key);
    rememberSecret(key.id, secret);
  }
  // Refusals are rare: the audit row names the key's user as it is now.
  const refuseKey = async (check: string) => {
    const key = await loadKey(accessKeyId);
    return refuse(meta, key ? actorOfUser(key.user, "access-key") : null, accessKeyId, check);
  };

  const unsigned = unsignedHeader(request.headers, signedHeaders);
  if (unsigned) return refuseKey(`header ${unsigned} is not signed`);
  const url = new URL(request.url);
  const pairs = [...url.searchParams];
  if (new Set(pairs.map(([name]) => name)).size !== pairs.length) return refuseKey("a query parameter repeats");
  const contentSha256 = request.headers.get("x-acs-content-sha256") ?? "";
  const expected = acs3Signature(
    secret,
    canonicalRequest({
      method: request.method,
      path: url.pathname,
      query: pairs,
      header: (name) => request.headers.get(name),
      signedHeaders,
      contentSha256,
    }),
  );
  if (!sameHex(expected, signature)) return refuseKey("signature mismatch");

  const date = parseAcsDate(request.headers.get("x-acs-date"));
  if (!date || Math.abs(date.getTime() - now.getTime()) > SIGNATURE_DATE_WINDOW_MS) {
    return refuseKey("x-acs-date missing or outside the window");
  }
  const nonce = request.headers.get("x-acs-signature-nonce") ?? "";
  if (nonce.length === 0 || nonce.length > MAX_NONCE_LENGTH) return refuseKey("x-acs-signature-nonce malformed");

  const body = await readCappedBytes(request, bodyLimit);
  if (!body.ok) return { ok: false, tooLarge: true };
  if (!sameHex(sha256Hex(body.bytes), contentSha256.toLowerCase()))
    return refuseKey("body does not match x-acs-content-sha256");

  const user = await spendNonce(accessKeyId, nonce, now, nonceFlushedByAnswer);
  if (!user) {
    // No row: the nonce was seen before, or the key (or its user, or their account) was deleted or disabled
    // since: which one is told to the audit row only.
    const key = await loadKey(accessKeyId);
    if (!key) openedSecrets.delete(accessKeyId);
    const check = !key ? "unknown AccessKey" : (standingOf(key) ?? "replayed x-acs-signature-nonce");
    return refuse(meta, key ? actorOfUser(key.user, "access-key") : null, accessKeyId, check);
  }
  await noteUse(accessKeyId, user.lastUsedAt, now);
  return {
    ok: true,
    actor: actorOfUser(user, "access-key"),
    body: body.bytes.toString("utf8"),
    systemWhitelist: user.systemWhitelist,
  };
}

function loadKey(accessKeyId: string) {
  return prisma.accessKey.findUnique({
    where: { id: accessKeyId },
    include: { user: { include: ACTOR_USER_INCLUDE } },
  });
}

/** Why a key may not be used now, or null when it may. */
function standingOf(key: { status: string; user: { disabled: boolean; tenant: { disabled: boolean } } }) {
  if (key.status !== "ACTIVE") return "disabled AccessKey";
  if (key.user.disabled || key.user.tenant.disabled) return "the key's user or account is disabled";
  return null;
}

/**
 * Opened secrets by key id, so a key's secret is unsealed once per instance rather than per request. Only the
 * secret is kept: a key's secret never changes (rotating the master key re-wraps its data key, not the
 * secret), while everything that can revoke a key (its status, its user's and account's standing, its
 * deletion) is read afresh with every request, in the statement that spends the nonce (spendNonce).
 * Bounded: the oldest opened entry goes first.
 */
const openedSecrets = new Map<string, string>();
const MAX_OPENED_SECRETS = 1000;

function rememberSecret(accessKeyId: string, secret: string): void {
  openedSecrets.set(accessKeyId, secret);
  if (openedSecrets.size > MAX_OPENED_SECRETS) openedSecrets.delete(openedSecrets.keys().next().value!);
}

interface SignedUser extends ActorUserFields {
  lastUsedAt: Date | null;
  /** The system IP whitelist as this statement saw it (RequestMeta.systemWhitelist). */
  systemWhitelist: string[];
}

/**
 * Stores the nonce (it is the replay defence: the primary key allows one use) only while the key is active and
 * its user and account are enabled, and returns the key's user as they are at this instant (roles included),
 * for the request's actor, with the system IP whitelist the door checks next: ONE statement, one round trip,
 * for every check that can change between requests.
 * Nothing is returned when the nonce was seen before or the key may no longer be used. Concurrent uses of one
 * nonce: the unique index makes every one but the first wait and then insert nothing.
 * `flushedByAnswer`: the statement's commit does not wait for the disk (synchronous_commit off for this one
 * transaction): the commit the operation makes before answering flushes it (EndpointDefinition.recordsEveryAnswer).
 * The nonce is visible to every other call the moment it commits either way: only its flush is deferred.
 */
async function spendNonce(
  accessKeyId: string,
  nonce: string,
  now: Date,
  flushedByAnswer: boolean,
): Promise<SignedUser | null> {
  // A prepared statement on the driver (lib/db/prepared-query.ts: Prisma's per-query cost, once per call).
  const rows = await preparedQuery<SpentNonceRow>(
    flushedByAnswer ? "signed-actor.spend-nonce-flushed-by-answer" : "signed-actor.spend-nonce",
    Prisma.sql`
      WITH spent AS (
        INSERT INTO signature_nonces (access_key_id, nonce, seen_at)
        SELECT k.id, ${nonce}::text, ${now}::timestamptz
        FROM access_keys k JOIN users u ON u.id = k.user_id JOIN tenants t ON t.id = u.tenant_id
        ${flushedByAnswer ? DEFERRED_FLUSH : Prisma.empty}
        WHERE k.id = ${accessKeyId} AND k.status = 'ACTIVE' AND NOT u.disabled AND NOT t.disabled
        ON CONFLICT DO NOTHING
        RETURNING access_key_id
      )
      SELECT u.id::text AS id, u.tenant_id::text AS "tenantId", u.kind::text AS kind, u.name, u.email,
        u.display_name AS "displayName", u.platform_operator AS "platformOperator", t.name AS "tenantName",
        k.last_used_at AS "lastUsedAt",
        ARRAY(SELECT r.role::text FROM tenant_role_assignments r WHERE r.user_id = u.id ORDER BY r.role) AS "tenantRoles",
        ARRAY(SELECT w.value FROM whitelist_entries w WHERE w.scope = 'SYSTEM' ORDER BY w.value) AS "systemWhitelist"
      FROM spent JOIN access_keys k ON k.id = spent.access_key_id
        JOIN users u ON u.id = k.user_id JOIN tenants t ON t.id = u.tenant_id`,
  );
  const row = rows[0];
  if (!row) return null;
  return {
    id: row.id,
    tenantId: row.tenantId,
    kind: row.kind,
    name: row.name,
    email: row.email,
    displayName: row.displayName,
    platformOperator: row.platformOperator,
    tenant: { name: row.tenantName },
    tenantRoles: row.tenantRoles.map((role) => ({ role })),
    lastUsedAt: row.lastUsedAt,
    systemWhitelist: row.systemWhitelist,
  };
}

/**
 * Joined into the nonce's INSERT: this statement's own transaction commits without waiting for its flush (a
 * transaction-local setting; the connection's setting is untouched). Ignored on PGlite, which has no disk wait.
 */
const DEFERRED_FLUSH = Prisma.sql`CROSS JOIN (SELECT set_config('synchronous_commit', 'off', true)) AS deferred_flush`;

interface SpentNonceRow {
  id: string;
  tenantId: string;
  kind: ActorUserFields["kind"];
  name: string;
  email: string;
  displayName: string;
  platformOperator: boolean;
  tenantName: string;
  lastUsedAt: Date | null;
  tenantRoles: ActorUserFields["tenantRoles"][number]["role"][];
  systemWhitelist: string[];
}

/**
 * The first header that must be signed and is not: the required ones, content-type when sent, and every
 * x-acs-* header sent (as Alibaba Cloud's SDK signs them all), so no header the server reads can be swapped.
 */
function unsignedHeader(headers: Headers, signedHeaders: readonly string[]): string | null {
  const signed = new Set(signedHeaders);
  for (const name of REQUIRED_SIGNED_HEADERS) if (!signed.has(name)) return name;
  for (const [name] of headers) {
    if ((name === "content-type" || name.startsWith("x-acs-")) && !signed.has(name)) return name;
  }
  return null;
}

let lastPrune = 0;

/** lastUsedAt, at most once a LAST_USED_RESOLUTION_MS per key; and now and then, old nonces pruned. */
async function noteUse(accessKeyId: string, lastUsedAt: Date | null, now: Date): Promise<void> {
  if (!lastUsedAt || now.getTime() - lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    await prisma.accessKey.updateMany({
      where: { id: accessKeyId, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: now } }] },
      data: { lastUsedAt: now },
    });
  }
  if (now.getTime() - lastPrune >= PRUNE_EVERY_MS) {
    lastPrune = now.getTime();
    await prisma.signatureNonce.deleteMany({ where: { seenAt: { lt: new Date(now.getTime() - NONCE_RETENTION_MS) } } });
  }
}

const ANONYMOUS: AuditWho = { tenantId: null, actorId: null, actorName: "anonymous", actorType: "ANONYMOUS" };

/** Audits a refused signed request: in the key's tenant when the key exists, anonymously otherwise. */
async function refuse(
  meta: RequestMeta,
  actor: Actor | null,
  accessKeyId: string | null,
  check: string,
): Promise<SignedRequest> {
  const who: AuditWho = actor
    ? { tenantId: actor.tenantId, actorId: actor.userId, actorName: actor.principal, actorType: "ACCESS_KEY" }
    : ANONYMOUS;
  try {
    await prisma.$transaction((tx) =>
      recordAuditEvent(tx, who, meta, {
        action: "access-key.authenticate",
        result: "DENIED",
        target: accessKeyId ? { type: "ACCESS_KEY", id: accessKeyId } : undefined,
        reason: `${SIGNATURE_REFUSAL.code}: ${check}`,
      }),
    );
  } catch (auditError) {
    // The refusal stands either way; a lost refusal record is reported, never turned into an allow.
    console.error("[audit] could not record a refused signed request", auditError);
  }
  return { ok: false, check };
}
