// next-auth's own endpoints (CSRF token, credentials sign-in, sign-out, session). The credentials check
// itself goes through lib/services/auth/sign-in.ts, which throttles and audits every attempt.
import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/auth-options";

const handler = NextAuth(authOptions);
export { handler as GET, handler as POST };
