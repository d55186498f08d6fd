import { randomUUID, timingSafeEqual } from "node:crypto";
import type { RequestMeta } from "@/lib/context/service-context";

/**
 * Set by scripts/serve.mjs from the TCP peer (or a trusted proxy's forwarded address) on every request,
 * replacing whatever a client sent under the same name.
 */
export const CLIENT_IP_HEADER = "x-sc-client-ip";
/**
 * Set by scripts/serve.mjs beside CLIENT_IP_HEADER to the secret it drew at start and handed to this
 * process as SC_CLIENT_IP_SECRET. Served any other way (`next start` directly), no secret exists or a
 * client cannot know it, so a client-sent address header is ignored: sourceIp is null, which a whitelist
 * treats as an unknown address (denied).
 */
export const CLIENT_IP_SECRET_HEADER = "x-sc-client-ip-secret";

function sentByOurServer(headers: Headers): boolean {
  const secret = process.env.SC_CLIENT_IP_SECRET;
  const given = headers.get(CLIENT_IP_SECRET_HEADER);
  if (!secret || !given) return false;
  const [expected, actual] = [Buffer.from(secret), Buffer.from(given)];
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

export function requestMetaFromHeaders(headers: Headers): RequestMeta {
  return {
    sourceIp: sentByOurServer(headers) ? headers.get(CLIENT_IP_HEADER) : null,
    userAgent: headers.get("user-agent"),
    requestId: randomUUID(),
  };
}
