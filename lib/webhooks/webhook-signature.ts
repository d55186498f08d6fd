import { createHmac, timingSafeEqual } from "node:crypto";

/** The header a receiver checks: `t=<unix seconds>,v1=<hex HMAC-SHA-256(secret, "<t>.<body>")>`. */
export const SIGNATURE_HEADER = "x-security-center-signature";

/**
 * Signs a delivery's exact body with the project's webhook secret. The timestamp is inside the signed text, so a
 * receiver that rejects old timestamps is safe from replays of a captured delivery.
 */
export function signWebhookBody(secret: string, body: string, at: Date = new Date()): string {
  const timestamp = Math.floor(at.getTime() / 1000);
  const mac = createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
  return `t=${timestamp},v1=${mac}`;
}

/** What a receiver does (and the tests do): true when `header` signs `body` under `secret`. */
export function webhookSignatureMatches(secret: string, body: string, header: string): boolean {
  const parts = new Map(
    header.split(",").map((part) => {
      const cut = part.indexOf("=");
      return [part.slice(0, cut), part.slice(cut + 1)] as const;
    }),
  );
  const timestamp = parts.get("t");
  const given = parts.get("v1");
  if (!timestamp || !given || !/^\d{1,12}$/.test(timestamp) || !/^[0-9a-f]{64}$/.test(given)) return false;
  const expected = createHmac("sha256", secret).update(`${timestamp}.${body}`).digest();
  return timingSafeEqual(expected, Buffer.from(given, "hex"));
}
