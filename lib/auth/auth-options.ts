import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { secretFromEnvironment } from "@/lib/config/secrets";
import { headers } from "next/headers";
import { signIn } from "@/lib/services/auth/sign-in";
import { recordSignOut } from "@/lib/services/auth/record-sign-out";
import { requestMetaFromHeaders } from "@/lib/http/request-meta";
import { signInErrorCode } from "./sign-in-errors";
import { ABSOLUTE_LIFETIME_MS } from "./session-lifetime";

/** The cookie never outlives the session's absolute lifetime; the server-side row decides before that. */
const SESSION_SECONDS = ABSOLUTE_LIFETIME_MS / 1000;

/** __Host- cookies: Secure, Path=/, no Domain, HttpOnly, SameSite=Lax (browsers treat localhost as secure). */
const hostCookie = (name: string, httpOnly = true) => ({
  name: `__Host-sc.${name}`,
  options: { httpOnly, sameSite: "lax" as const, path: "/", secure: true },
});

export const authOptions: NextAuthOptions = {
  secret: secretFromEnvironment("NEXTAUTH_SECRET"),
  session: { strategy: "jwt", maxAge: SESSION_SECONDS },
  pages: { signIn: "/login", error: "/login" },
  useSecureCookies: true,
  cookies: {
    sessionToken: hostCookie("session"),
    csrfToken: hostCookie("csrf"),
    callbackUrl: {
      name: "__Secure-sc.callback-url",
      options: { httpOnly: true, sameSite: "lax", path: "/", secure: true },
    },
    state: hostCookie("state"),
    nonce: hostCookie("nonce"),
    pkceCodeVerifier: hostCookie("pkce"),
  },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        try {
          const user = await signIn(
            credentials,
            requestMetaFromHeaders(new Headers(req.headers as Record<string, string>)),
          );
          return { id: user.id, sessionVersion: user.sessionVersion, sessionId: user.sessionId };
        } catch (error) {
          // next-auth copies this message into the /login?error= URL: only a fixed code ever leaves.
          const code = signInErrorCode(error);
          if (code === "Unavailable") console.error("sign-in failed:", error);
          throw new Error(code);
        }
      },
    }),
  ],
  events: {
    async signOut({ token }) {
      await recordSignOut({ uid: token?.uid, sid: token?.sid }, requestMetaFromHeaders(await headers()));
    },
  },
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        const signedIn = user as { sessionVersion?: number; sessionId?: string };
        token.uid = user.id;
        token.sv = signedIn.sessionVersion;
        token.sid = signedIn.sessionId;
      }
      return token;
    },
    session({ session, token }) {
      return { ...session, uid: token.uid, sv: token.sv, sid: token.sid };
    },
  },
};

/**
 * What the session cookie carries: the user, their session version and the server-side session's id. All
 * three are checked against the database on every request (lib/endpoint/resolve-actor.ts).
 */
export interface SessionClaims {
  uid?: unknown;
  sv?: unknown;
  sid?: unknown;
}
