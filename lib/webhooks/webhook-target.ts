import dns, { type LookupAddress, type LookupAllOptions } from "node:dns";
import type { LookupFunction } from "node:net";
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

/** Why a delivery may not go to `address` (loopback, private, link-local, metadata services…), or null. */
function addressProblem(host: string, address: string): string | null {
  if (privateTargetsAllowed()) return null;
  const parsed = ipaddr.process(address);
  return parsed.range() === "unicast"
    ? null
    : `${host} resolves to ${address} (${parsed.range()}), which deliveries never reach.`;
}

/**
 * Why a delivery may not go to the URL's host when it is an address itself (a socket connects to an address
 * without a lookup, so guardedLookup never sees it), or null. Hosts given by name are vetted by guardedLookup,
 * at each connection: a name can be re-pointed after the URL was saved.
 */
export function literalAddressProblem(value: string): string | null {
  const host = new URL(value).hostname.replace(/^\[|\]$/g, "");
  return ipaddr.isValid(host) ? addressProblem(host, host) : null;
}

/**
 * The DNS lookup a delivery's socket connects with: it refuses every answer holding an address that is not
 * public unicast (loopback, private, link-local, metadata services…) unless private targets are allowed, at the
 * moment of connecting (no window for DNS rebinding between a check and the connection).
 */
export const guardedLookup: LookupFunction = (hostname, options, callback) => {
  dns.lookup(hostname, { ...options, all: true } as LookupAllOptions, (error, found: LookupAddress[]) => {
    if (error)
      return callback(Object.assign(new Error(`The host ${hostname} does not resolve.`), { code: error.code }), "", 0);
    const problem = found.map((entry) => addressProblem(hostname, entry.address)).find(Boolean);
    if (problem) return callback(Object.assign(new Error(problem), { code: "EADDRNOTAVAIL" }), "", 0);
    if ((options as LookupAllOptions).all)
      return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, found);
    return callback(null, found[0]!.address, found[0]!.family);
  });
};
