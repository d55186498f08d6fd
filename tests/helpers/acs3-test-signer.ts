import { createHash, createHmac, randomUUID } from "node:crypto";

/**
 * A second signer of ACS3-HMAC-SHA256, written from security-requirements.md and apart from
 * lib/access-keys/acs3-signature.ts on purpose: were both wrong the same way, Alibaba Cloud's SDK test would
 * still catch it, and were the server's canonicalization to drift, this one would.
 */
export interface SignOptions {
  method: string;
  /** e.g. http://localhost/api/v1/me?x=1 */
  url: string;
  accessKeyId: string;
  secret: string;
  body?: string;
  date?: Date;
  nonce?: string;
  /** Extra headers to send (and sign unless named in `unsigned`). */
  headers?: Record<string, string>;
  unsigned?: readonly string[];
}

const encode = (text: string) =>
  encodeURIComponent(text).replace(/[!'()*]/g, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase());

/** Headers (Authorization included) for a signed request. */
export function signRequest(options: SignOptions): Record<string, string> {
  const url = new URL(options.url);
  const body = options.body ?? "";
  const date = (options.date ?? new Date()).toISOString().replace(/\.\d{3}Z$/, "Z");
  const headers: Record<string, string> = {
    host: url.host,
    "x-acs-action": "TestAction",
    "x-acs-version": "2026-12-07",
    "x-acs-date": date,
    "x-acs-signature-nonce": options.nonce ?? randomUUID(),
    "x-acs-content-sha256": createHash("sha256").update(body, "utf8").digest("hex"),
    ...(body ? { "content-type": "application/json; charset=utf-8" } : {}),
    ...Object.fromEntries(Object.entries(options.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value])),
  };
  const signedNames = Object.keys(headers)
    .filter((name) => !options.unsigned?.includes(name))
    .sort();
  // Sorted by the raw key, as Alibaba Cloud's SDK sorts (Object.keys(query).sort()), then each side encoded.
  const query = [...url.searchParams]
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([key, value]) => `${encode(key)}=${encode(value)}`)
    .join("&");
  const canonical = [
    options.method.toUpperCase(),
    url.pathname,
    query,
    signedNames.map((name) => `${name}:${headers[name]!.trim()}\n`).join(""),
    signedNames.join(";"),
    headers["x-acs-content-sha256"],
  ].join("\n");
  const stringToSign = `ACS3-HMAC-SHA256\n${createHash("sha256").update(canonical, "utf8").digest("hex")}`;
  const signature = createHmac("sha256", options.secret).update(stringToSign, "utf8").digest("hex");
  return {
    ...headers,
    authorization: `ACS3-HMAC-SHA256 Credential=${options.accessKeyId},SignedHeaders=${signedNames.join(";")},Signature=${signature}`,
  };
}

/** A signed Request (for calling a route handler directly). */
export function signedRequest(options: SignOptions & { extraHeaders?: Record<string, string> }): Request {
  const headers = { ...signRequest(options), ...options.extraHeaders };
  return new Request(options.url, {
    method: options.method,
    headers,
    ...(options.body !== undefined && options.method !== "GET" ? { body: options.body } : {}),
  });
}
