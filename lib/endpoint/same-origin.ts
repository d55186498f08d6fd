/**
 * A state-changing request that rides on a session cookie must come from our own pages: its Origin must be
 * present and equal to the host it was sent to. (Next's own check lets a request without Origin through.)
 */
export function isSameOrigin(headers: Headers): boolean {
  const origin = headers.get("origin");
  const host = headers.get("x-forwarded-host") ?? headers.get("host");
  if (!origin || !host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
