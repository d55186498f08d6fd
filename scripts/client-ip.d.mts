import type { IPv4, IPv6 } from "ipaddr.js";

export type TrustedProxies = [IPv4 | IPv6, number][];
export function parseTrustedProxies(spec: string | undefined): TrustedProxies;
export function clientIp(
  peer: string | undefined,
  forwardedFor: string | string[] | undefined,
  trustedProxies: TrustedProxies,
): string | null;
