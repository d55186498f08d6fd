import { prisma } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/unique-violation";
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
import { ACTOR_USER_INCLUDE, actorOfUser } from "./resolve-actor";
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
  | { ok: true; actor: Actor; body: string }
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
 * Order: parse the header, look the key up and verify the signature over the headers (no byte of the body is
 * read for an unknown key or a bad signature), check the date, read the body under its cap and check it hashes
 * to the signed x-acs-content-sha256, and last store the nonce (unique: one use). Every refusal is audited.
 */
export async function signedRequestActor(
  request: Request,
  meta: RequestMeta,
  bodyLimit: number,
  now = new Date(),
): Promise<SignedRequest> {
  const authorization = parseAcs3Authorization(request.headers.get("authorization") ?? "");
  if (!authorization) return refuse(meta, null, null, "malformed Authorization header");
  const { accessKeyId, signedHeaders, signature } = authorization;
  const key = await prisma.accessKey.findUnique({
    where: { id: accessKeyId },
    include: { user: { include: ACTOR_USER_INCLUDE } },
  });
  if (!key) return refuse(meta, null, accessKeyId, "unknown AccessKey");
  const actor = actorOfUser(key.user, "access-key");
  const refuseKey = (check: string) => refuse(meta, actor, accessKeyId, check);
  if (key.status !== "ACTIVE") return refuseKey("disabled AccessKey");
  if (key.user.disabled || key.user.tenant.disabled) return refuseKey("the key's user or account is disabled");

  const unsigned = unsignedHeader(request.headers, signedHeaders);
  if (unsigned) return refuseKey(`header ${unsigned} is not signed`);
  const url = new URL(request.url);
  const pairs = [...url.searchParams];
  if (new Set(pairs.map(([name]) => name)).size !== pairs.length) return refuseKey("a query parameter repeats");
  const contentSha256 = request.headers.get("x-acs-content-sha256") ?? "";
  const expected = acs3Signature(
    openSecret(key.id, key),
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

  try {
    await prisma.signatureNonce.create({ data: { accessKeyId: key.id, nonce, seenAt: now } });
  } catch (error) {
    if (isUniqueViolation(error)) return refuseKey("replayed x-acs-signature-nonce");
    throw error;
  }
  await noteUse(key.id, key.lastUsedAt, now);
  return { ok: true, actor, body: body.bytes.toString("utf8") };
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
