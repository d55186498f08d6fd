import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy } from "@/lib/http/content-security-policy";

/**
 * Response headers only: a fresh nonce for each page request and the Content-Security-Policy that names
 * it, set on the request too, which is where Next reads the nonce from to put it on its scripts.
 * INVARIANT: nothing here authorizes or refuses anything; every entry point authorizes in its service
 * (CVE-2025-29927: a proxy can be skipped).
 */
export function proxy(request: NextRequest) {
  const policy = contentSecurityPolicy(btoa(crypto.randomUUID()), process.env.NODE_ENV === "development");
  const headers = new Headers(request.headers);
  headers.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  matcher: [
    {
      // Pages only: API answers are JSON, static files carry no script to trust; prefetches render no page.
      source: "/((?!api|_next/static|_next/image|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
