/**
 * The benchmarks' HTTP client for a served console: timed requests, waiting for the server, and credentials:
 * a console session cookie (`authenticate`) or an AccessKey's ACS3-HMAC-SHA256 signature (`signedBy`).
 */
import type { ChildProcess } from "node:child_process";
import http from "node:http";
import { signRequest } from "../tests/helpers/acs3-test-signer";

/** The headers that authenticate one request (a signature covers its method, path and body). */
export type Credentials = (method: string, url: string, body?: string) => Record<string, string>;

/** Signs every request with the key, as a query engine would: a fresh date and nonce each time. */
export function signedBy(port: number, key: { id: string; secret: string }): Credentials {
  return (method, url, body) =>
    signRequest({ method, url: `http://localhost:${port}${url}`, accessKeyId: key.id, secret: key.secret, body });
}

export interface Reply {
  status: number;
  ttfbMs: number;
  totalMs: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

export function request(
  port: number,
  method: string,
  url: string,
  headers: Record<string, string> = {},
  body?: string,
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = http.request(`http://localhost:${port}${url}`, { method, headers, agent }, (res) => {
      const ttfbMs = performance.now() - started;
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (text += chunk));
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          ttfbMs,
          totalMs: performance.now() - started,
          headers: res.headers,
          body: text,
        }),
      );
    });
    req.on("error", reject);
    if (body) req.write(body);
    req.end();
  });
}

const cookiesOf = (reply: Reply) =>
  (reply.headers["set-cookie"] ?? []).map((cookie) => cookie.split(";")[0]!).join("; ");

/** Headers that authenticate a demo user's requests: a console session, signed in with the demo password. */
export async function authenticate(port: number, email: string): Promise<Record<string, string>> {
  const csrf = await request(port, "GET", "/api/auth/csrf");
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const form = new URLSearchParams({ csrfToken, email, password: "correct-horse-battery", json: "true" }).toString();
  const login = await request(
    port,
    "POST",
    "/api/auth/callback/credentials",
    {
      cookie: cookiesOf(csrf),
      "content-type": "application/x-www-form-urlencoded",
      "content-length": String(Buffer.byteLength(form)),
    },
    form,
  );
  const cookie = [cookiesOf(csrf), cookiesOf(login)].filter(Boolean).join("; ");
  if (!cookie.includes("__Host-sc.session")) throw new Error(`sign-in failed: ${login.status}`);
  // A cookie-authenticated POST must come from the console's own origin.
  return { cookie, origin: `http://localhost:${port}` };
}

export async function waitForServer(port: number, server: ChildProcess) {
  for (let attempt = 0; attempt < 300; attempt++) {
    if (server.exitCode !== null) throw new Error("the server exited");
    try {
      if ((await request(port, "GET", "/login")).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error("the server did not start");
}
