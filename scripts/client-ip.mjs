// The client's address as the IP whitelist and the audit log must see it: the TCP peer, unless that peer is
// a proxy listed in TRUSTED_PROXIES, in which case the X-Forwarded-For hops it appended are walked from the
// right past every trusted proxy. A forwarded header from an untrusted peer is ignored.
import ipaddr from "ipaddr.js";

/** @param {string | undefined} value */
function normalize(value) {
  if (!value || !ipaddr.isValid(value.trim())) return null;
  const address = ipaddr.process(value.trim());
  return address.toString();
}

/** @param {string | undefined} spec comma-separated addresses and CIDR blocks */
export function parseTrustedProxies(spec) {
  return (spec ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) =>
      entry.includes("/")
        ? ipaddr.parseCIDR(entry)
        : [ipaddr.parse(entry), ipaddr.parse(entry).kind() === "ipv4" ? 32 : 128],
    );
}

/**
 * @param {string | undefined} peer the socket's remoteAddress
 * @param {string | string[] | undefined} forwardedFor the X-Forwarded-For header(s)
 * @param {ReturnType<typeof parseTrustedProxies>} trustedProxies
 */
export function clientIp(peer, forwardedFor, trustedProxies) {
  let address = normalize(peer);
  const hops = [forwardedFor ?? []]
    .flat()
    .join(",")
    .split(",")
    .map((hop) => hop.trim())
    .filter(Boolean);
  const trusted = (/** @type {string} */ value) => {
    const parsed = ipaddr.process(value);
    return trustedProxies.some(([range, bits]) => parsed.kind() === range.kind() && parsed.match(range, bits));
  };
  while (address && trusted(address) && hops.length > 0) address = normalize(hops.pop());
  return address;
}
