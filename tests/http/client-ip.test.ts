import { afterEach, describe, expect, it } from "vitest";
import { CLIENT_IP_HEADER, CLIENT_IP_SECRET_HEADER, requestMetaFromHeaders } from "@/lib/http/request-meta";
import { clientIp, parseTrustedProxies } from "../../scripts/client-ip.mjs";

const none = parseTrustedProxies("");
const proxies = parseTrustedProxies("10.0.0.1, 10.1.0.0/16, fd00::/8");

/** The client address the whitelist and the audit log see, for each way a request can arrive. */
const CASES = [
  { description: "a direct IPv4 client", peer: "203.0.113.7", xff: undefined, trusted: none, expected: "203.0.113.7" },
  {
    description: "a direct client spoofing X-Forwarded-For",
    peer: "203.0.113.7",
    xff: "10.9.9.9",
    trusted: none,
    expected: "203.0.113.7",
  },
  {
    description: "an untrusted peer's forwarded header, with proxies configured",
    peer: "203.0.113.7",
    xff: "10.9.9.9",
    trusted: proxies,
    expected: "203.0.113.7",
  },
  {
    description: "a trusted proxy forwarding for a client",
    peer: "10.0.0.1",
    xff: "198.51.100.4",
    trusted: proxies,
    expected: "198.51.100.4",
  },
  {
    description: "a client that prepends a fake hop before the trusted proxy",
    peer: "10.0.0.1",
    xff: "1.2.3.4, 198.51.100.4",
    trusted: proxies,
    expected: "198.51.100.4",
  },
  {
    description: "a chain of two trusted proxies",
    peer: "10.0.0.1",
    xff: "198.51.100.4, 10.1.2.3",
    trusted: proxies,
    expected: "198.51.100.4",
  },
  {
    description: "an IPv4-mapped IPv6 peer",
    peer: "::ffff:127.0.0.1",
    xff: undefined,
    trusted: none,
    expected: "127.0.0.1",
  },
  { description: "an IPv6 peer", peer: "2001:db8::1", xff: "10.9.9.9", trusted: none, expected: "2001:db8::1" },
  {
    description: "a trusted IPv6 proxy",
    peer: "fd00::1",
    xff: "2001:db8::42",
    trusted: proxies,
    expected: "2001:db8::42",
  },
  {
    description: "a trusted proxy forwarding garbage",
    peer: "10.0.0.1",
    xff: "not-an-ip",
    trusted: proxies,
    expected: null,
  },
  { description: "no peer address at all", peer: undefined, xff: "1.2.3.4", trusted: proxies, expected: null },
] as const;

describe("clientIp", () => {
  for (const { description, peer, xff, trusted, expected } of CASES) {
    it(description, () => {
      expect(clientIp(peer, xff, trusted)).toBe(expected);
    });
  }
});

describe("requestMetaFromHeaders: the client address header counts only from our own server", () => {
  const SECRET = "per-process-secret-0123456789abcdef";
  const headersOf = (fields: Record<string, string>) => new Headers(fields);
  const CASES = [
    {
      description: "no secret configured (served by `next start` directly): the header is a client's",
      secret: undefined,
      fields: { [CLIENT_IP_HEADER]: "10.0.0.1", [CLIENT_IP_SECRET_HEADER]: SECRET },
      expected: null,
    },
    {
      description: "a client sending the address header alone",
      secret: SECRET,
      fields: { [CLIENT_IP_HEADER]: "10.0.0.1" },
      expected: null,
    },
    {
      description: "a client guessing the secret",
      secret: SECRET,
      fields: { [CLIENT_IP_HEADER]: "10.0.0.1", [CLIENT_IP_SECRET_HEADER]: SECRET.replace("0", "1") },
      expected: null,
    },
    {
      description: "a guess of another length (compared without throwing)",
      secret: SECRET,
      fields: { [CLIENT_IP_HEADER]: "10.0.0.1", [CLIENT_IP_SECRET_HEADER]: "x" },
      expected: null,
    },
    {
      description: "an empty secret header",
      secret: SECRET,
      fields: { [CLIENT_IP_HEADER]: "10.0.0.1", [CLIENT_IP_SECRET_HEADER]: "" },
      expected: null,
    },
    {
      description: "scripts/serve.mjs: the address with the process's secret",
      secret: SECRET,
      fields: { [CLIENT_IP_HEADER]: "10.0.0.1", [CLIENT_IP_SECRET_HEADER]: SECRET },
      expected: "10.0.0.1",
    },
  ] as const;

  afterEach(() => {
    delete process.env.SC_CLIENT_IP_SECRET;
  });

  for (const { description, secret, fields, expected } of CASES) {
    it(description, () => {
      if (secret) process.env.SC_CLIENT_IP_SECRET = secret;
      expect(requestMetaFromHeaders(headersOf(fields)).sourceIp).toBe(expected);
    });
  }
});
