import { randomUUID } from "node:crypto";
import type { RequestMeta } from "@/lib/context/service-context";

/**
 * Set by scripts/serve.mjs from the TCP peer (or a trusted proxy's forwarded address) on every request,
 * replacing whatever a client sent under the same name.
 */
export const CLIENT_IP_HEADER = "x-sc-client-ip";

export function requestMetaFromHeaders(headers: Headers): RequestMeta {
  return {
    sourceIp: headers.get(CLIENT_IP_HEADER),
    userAgent: headers.get("user-agent"),
    requestId: randomUUID(),
  };
}
