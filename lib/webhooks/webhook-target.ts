import { lookup } from "node:dns/promises";
import ipaddr from "ipaddr.js";

export const WEBHOOK_URL_MAX_LENGTH = 2048;

/**
 * Whether deliveries may go to loopback and private addresses. Off by default: a webhook URL is typed by a
 * project administrator, and the server must not become their probe into its own network (SSRF). The embedded
 * demo and the tests turn it on (WEBHOOK_ALLOW_PRIVATE_TARGETS=1) to deliver to a receiver on the same machine.
 */
export const privateTargetsAllowed = () => process.env.WEBHOOK_ALLOW_PRIVATE_TARGETS === "1";

/** Why a webhook URL is refused as typed (scheme, credentials, length), or null when it is acceptable. */
export function webhookUrlProblem(value: string): string | null {
  if (value.length > WEBHOOK_URL_MAX_LENGTH) return `A webhook URL has at most ${WEBHOOK_URL_MAX_LENGTH} characters.`;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "Enter an absolute URL, such as https://hooks.example.com/security-center.";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return "A webhook URL starts with https:// or http://.";
  if (url.username || url.password) return "Put no user name or password in the URL: deliveries are signed instead.";
  if (url.hash) return "A webhook URL has no #fragment.";
  return null;
}

/**
 * Resolves the URL's host and refuses any address that is not public unicast (loopback, private, link-local,
 * metadata services…) unless private targets are allowed. Checked at each delivery, not when the URL is saved,
 * since a name can be re-pointed after it was accepted. Returns the address to connect to.
 */
export async function resolveWebhookTarget(value: string): Promise<{ ok: true } | { ok: false; reason: string }> {
  const host = new URL(value).hostname.replace(/^\[|\]$/g, "");
  let addresses: string[];
  try {
    addresses = ipaddr.isValid(host) ? [host] : (await lookup(host, { all: true })).map((entry) => entry.address);
  } catch {
    return { ok: false, reason: `The host ${host} does not resolve.` };
  }
  if (privateTargetsAllowed()) return { ok: true };
  for (const address of addresses) {
    const parsed = ipaddr.process(address);
    if (parsed.range() !== "unicast") {
      return { ok: false, reason: `${host} resolves to ${address} (${parsed.range()}), which deliveries never reach.` };
    }
  }
  return { ok: true };
}
