import { randomBytes, randomInt } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  acs3Signature,
  canonicalQuery,
  canonicalRequest,
  parseAcs3Authorization,
  parseAcsDate,
  rfc3986Encode,
} from "@/lib/access-keys/acs3-signature";
import { signRequest } from "../helpers/acs3-test-signer";

/** Random text drawn from characters that matter to the parsers: separators, encodings, unicode, controls. */
const ALPHABET = [..."ACS3-HMAC-SHA256 Credential=SignedHeaders;Signature,=0af!'()*%+ ~\u00e9\u2713\n\t", "\u{1F600}"];
const randomText = (max: number) =>
  Array.from({ length: randomInt(max) }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");

describe("ACS3-HMAC-SHA256 canonicalization (fuzzed)", () => {
  it("parseAcs3Authorization never throws, and what it accepts is well formed", () => {
    for (let i = 0; i < 20_000; i++) {
      const header = i % 2 ? randomText(120) : `ACS3-HMAC-SHA256 ${randomText(120)}`;
      const parsed = parseAcs3Authorization(header);
      if (parsed) {
        expect(parsed.signature).toMatch(/^[0-9a-f]{64}$/);
        expect(parsed.accessKeyId).toMatch(/^[A-Za-z0-9]+$/);
      }
    }
    expect(
      parseAcs3Authorization(
        `ACS3-HMAC-SHA256 Credential=a,SignedHeaders=${"h;".repeat(2000)}h,Signature=${"0".repeat(64)}`,
      ),
    ).toBeNull();
  });

  it("rfc3986Encode: decodes back to its input, and leaves only unreserved characters unencoded", () => {
    for (let i = 0; i < 5_000; i++) {
      const text = randomText(40).replace(/[\uD800-\uDFFF]/g, "");
      const encoded = rfc3986Encode(text);
      expect(decodeURIComponent(encoded)).toBe(text);
      expect(encoded).toMatch(/^([A-Za-z0-9\-._~]|%[0-9A-F]{2})*$/);
    }
    expect(rfc3986Encode("!'()* ~")).toBe("%21%27%28%29%2A%20~");
  });

  it("canonicalQuery does not depend on the order the pairs arrive in", () => {
    for (let i = 0; i < 2_000; i++) {
      const pairs: [string, string][] = Array.from({ length: randomInt(6) }, () => [randomText(6), randomText(6)]);
      const shuffled = [...pairs].sort(() => randomInt(3) - 1);
      expect(canonicalQuery(shuffled)).toBe(canonicalQuery(pairs));
    }
  });

  it("the server's canonicalization agrees with the independent test signer on random requests", () => {
    for (let i = 0; i < 500; i++) {
      const secret = randomBytes(15).toString("hex");
      // Distinct keys: the server refuses a repeated one (which the SDK, building a map, never sends).
      const keys = [...new Set(Array.from({ length: randomInt(4) }, () => randomText(5)))];
      const query = new URLSearchParams(keys.map((key) => [key, randomText(5)]));
      const url = `http://example.test/api/v1/x${query.size ? `?${query}` : ""}`;
      const body = randomText(50);
      const headers = signRequest({ method: "POST", url, accessKeyId: "LTAItest", secret, body });
      const parsed = parseAcs3Authorization(headers.authorization!)!;
      const canonical = canonicalRequest({
        method: "POST",
        path: new URL(url).pathname,
        query: new URL(url).searchParams,
        header: (name) => headers[name] ?? null,
        signedHeaders: parsed.signedHeaders,
        contentSha256: headers["x-acs-content-sha256"]!,
      });
      expect(acs3Signature(secret, canonical)).toBe(parsed.signature);
    }
  });

  it("parseAcsDate accepts exactly YYYY-MM-DDTHH:mm:ssZ, and real dates only", () => {
    expect(parseAcsDate("2026-12-07T15:00:00Z")?.toISOString()).toBe("2026-12-07T15:00:00.000Z");
    for (const bad of [
      "2026-12-07T15:00:00.000Z",
      "2026-02-30T00:00:00Z",
      "2026-12-07 15:00:00Z",
      "",
      null,
      "x".repeat(30),
    ]) {
      expect(parseAcsDate(bad)).toBeNull();
    }
  });
});
