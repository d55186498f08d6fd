import { createHash, createHmac, timingSafeEqual } from "node:crypto";

/**
 * Alibaba Cloud's ACS3-HMAC-SHA256 request signature, as its SDKs send it (../shared/notes/security-requirements.md,
 * "Signed API"). Pure functions: the server's verifier (lib/endpoint/signed-actor.ts), the tests' signer and the
 * CLI share them. The header:
 *   Authorization: ACS3-HMAC-SHA256 Credential=<AccessKeyId>,SignedHeaders=<h1;h2;...>,Signature=<hex>
 */
export const ACS3_ALGORITHM = "ACS3-HMAC-SHA256";

/** Headers every signed request must sign: without them a signature could be replayed or its body swapped. */
export const REQUIRED_SIGNED_HEADERS = ["host", "x-acs-content-sha256", "x-acs-date", "x-acs-signature-nonce"] as const;

const MAX_AUTHORIZATION_LENGTH = 2048;
const MAX_SIGNED_HEADERS = 32;

export interface Acs3Authorization {
  accessKeyId: string;
  signedHeaders: string[];
  signature: string;
}

/** Whether a request claims to be signed (then it is judged as a signed request and nothing else). */
export function isAcs3Signed(authorization: string | null): authorization is string {
  return authorization !== null && authorization.startsWith(`${ACS3_ALGORITHM} `);
}

/**
 * The parts of an Authorization header, or null when it is malformed: exactly the three named parts, an id of
 * letters and digits, signed header names in lower case without repeats, and a 64-digit lower-case hex signature.
 */
export function parseAcs3Authorization(authorization: string): Acs3Authorization | null {
  if (authorization.length > MAX_AUTHORIZATION_LENGTH || !isAcs3Signed(authorization)) return null;
  const parts = new Map<string, string>();
  for (const part of authorization.slice(ACS3_ALGORITHM.length + 1).split(",")) {
    const equals = part.indexOf("=");
    if (equals < 0) return null;
    const name = part.slice(0, equals).trim();
    if (parts.has(name)) return null;
    parts.set(name, part.slice(equals + 1).trim());
  }
  const accessKeyId = parts.get("Credential");
  const signedHeaderList = parts.get("SignedHeaders");
  const signature = parts.get("Signature");
  if (parts.size !== 3 || !accessKeyId || !signedHeaderList || !signature) return null;
  if (!/^[A-Za-z0-9]{1,64}$/.test(accessKeyId) || !/^[0-9a-f]{64}$/.test(signature)) return null;
  const signedHeaders = signedHeaderList.split(";");
  if (signedHeaders.length > MAX_SIGNED_HEADERS || new Set(signedHeaders).size !== signedHeaders.length) return null;
  if (!signedHeaders.every((name) => /^[a-z0-9-]{1,64}$/.test(name))) return null;
  return { accessKeyId, signedHeaders, signature };
}

/** RFC 3986 percent-encoding: encodeURIComponent, plus the `!'()*` it leaves alone. */
export function rfc3986Encode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The query's pairs, keys sorted (then values), each side RFC 3986-encoded, joined by `&`. */
export function canonicalQuery(pairs: Iterable<[string, string]>): string {
  return [...pairs]
    .sort(([keyA, valueA], [keyB, valueB]) => compare(keyA, keyB) || compare(valueA, valueB))
    .map(([key, value]) => `${rfc3986Encode(key)}=${rfc3986Encode(value)}`)
    .join("&");
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export interface CanonicalRequestParts {
  method: string;
  /** The path as sent (percent-encoded as on the wire). */
  path: string;
  query: Iterable<[string, string]>;
  /** Header lookup by lower-case name. */
  header: (name: string) => string | null;
  signedHeaders: readonly string[];
  contentSha256: string;
}

/** METHOD \n path \n query \n (name:trimmed value \n)* \n signed;headers \n content SHA-256 (hex). */
export function canonicalRequest(parts: CanonicalRequestParts): string {
  const headerLines = parts.signedHeaders.map((name) => `${name}:${(parts.header(name) ?? "").trim()}\n`).join("");
  return [
    parts.method.toUpperCase(),
    parts.path,
    canonicalQuery(parts.query),
    headerLines,
    parts.signedHeaders.join(";"),
    parts.contentSha256,
  ].join("\n");
}

export const sha256Hex = (data: string | Uint8Array) => createHash("sha256").update(data).digest("hex");

/** hex(HMAC-SHA256(secret, "ACS3-HMAC-SHA256\n" + hex(SHA-256(canonical request)))). */
export function acs3Signature(secret: string, canonical: string): string {
  return createHmac("sha256", secret)
    .update(`${ACS3_ALGORITHM}\n${sha256Hex(canonical)}`)
    .digest("hex");
}

/** Constant-time equality of two hex strings (lengths first: timingSafeEqual throws on unequal lengths). */
export function sameHex(expected: string, given: string): boolean {
  const [a, b] = [Buffer.from(expected, "utf8"), Buffer.from(given, "utf8")];
  return a.length === b.length && timingSafeEqual(a, b);
}

/** `x-acs-date` as the SDK sends it (YYYY-MM-DDTHH:mm:ssZ), or null when it is not exactly that. */
export function parseAcsDate(value: string | null): Date | null {
  if (!value || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(value)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 19) !== value.slice(0, 19) ? null : date;
}

export const formatAcsDate = (date: Date) => `${date.toISOString().slice(0, 19)}Z`;
