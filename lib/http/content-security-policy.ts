/**
 * The Content-Security-Policy of a page, for a fresh per-request nonce. Scripts run only with the nonce
 * (Next puts it on its own scripts and inline payloads when it renders) or when loaded by such a script
 * ('strict-dynamic'); never inline without it. Styles allow 'unsafe-inline': React `style` attributes (the
 * charts draw with them) cannot carry a nonce, and a style cannot run code. Development adds 'unsafe-eval',
 * which React's dev tooling needs; production never does.
 */
export function contentSecurityPolicy(nonce: string, development: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}
