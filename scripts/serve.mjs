// The console's HTTP server: Next.js behind a thin Node server that sets the one client-address header the
// app trusts (x-sc-client-ip) from the TCP connection, overwriting anything a client sent under that name.
// Next alone cannot do this: it keeps a client-supplied X-Forwarded-For as the client's address. The app
// believes that header only beside x-sc-client-ip-secret holding the secret this process draws at start
// (lib/http/request-meta.ts), so the header means nothing when the app is served another way.
//
// On PostgreSQL it runs one worker process per core (WEB_CONCURRENCY overrides), sharing the port: a page
// is rendered on one thread, so one process uses one core. Workers share nothing but the database; each
// keeps its own decision indexes, kept fresh by the database's change notifications. PGlite lives inside
// its one process, so with PGlite there is exactly one.
//
// Exactly one process per server exports the signed audit chain head on a schedule (SC_AUDIT_HEAD_EXPORTER=1,
// read by instrumentation.ts): the only process, or the first worker and whichever replaces it.
import cluster from "node:cluster";
import { randomBytes } from "node:crypto";
import { Buffer } from "node:buffer";
import { readFileSync } from "node:fs";
import http from "node:http";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import next from "next";
import { clientIp, parseTrustedProxies } from "./client-ip.mjs";

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOST ?? "localhost";

/** A worker that dies sooner than this after its start is failing to start, not crashing at random. */
const EARLY_EXIT_MS = 10_000;
/** The exit code of a process that refuses its configuration (EX_CONFIG; lib/audit/start-server-audit.ts). */
const EXIT_CONFIGURATION = 78;

function workerCount() {
  const asked = process.env.WEB_CONCURRENCY;
  const embedded = !process.env.DATABASE_URL;
  if (asked === undefined || asked === "") return embedded || dev ? 1 : os.availableParallelism();
  const count = Number(asked);
  if (!Number.isInteger(count) || count < 1)
    throw new Error(`WEB_CONCURRENCY must be a whole number ≥ 1, not "${asked}".`);
  if (count > 1 && embedded)
    throw new Error("WEB_CONCURRENCY > 1 needs DATABASE_URL: the embedded database (PGlite) allows one process.");
  return count;
}

async function serve() {
  const trustedProxies = parseTrustedProxies(process.env.TRUSTED_PROXIES);
  // Drawn per process and handed to the app in-process (Next runs in this process, reading it per request).
  const clientIpSecret = randomBytes(32).toString("base64url");
  process.env.SC_CLIENT_IP_SECRET = clientIpSecret;
  const app = next({ dev, hostname, port });
  const handle = app.getRequestHandler();
  await app.prepare();
  const direct = dev ? null : await directDecisionRoutes();

  const server = http.createServer((request, response) => {
    const address = clientIp(request.socket.remoteAddress, request.headers["x-forwarded-for"], trustedProxies);
    if (address) request.headers["x-sc-client-ip"] = address;
    else delete request.headers["x-sc-client-ip"];
    request.headers["x-sc-client-ip-secret"] = clientIpSecret;
    const route = direct?.handlerFor(request);
    if (route) direct.serve(route, request, response);
    else handle(request, response);
  });
  server.listen(port, hostname, () => {
    if (cluster.isPrimary) console.log(`Security Center is ready on http://${hostname}:${port}`);
    else process.send?.("ready");
  });

  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.on(signal, () => {
      server.close();
      // Releases the embedded database's folder lock (lib/db/client.ts registers its own exit handling).
      process.exit(0);
    });
  }
}

/**
 * The decision API for query engines (POST /api/v1/authorize and /authorize/batch, signed with an AccessKey)
 * served straight by its route handler, without Next's router around it: the same compiled route module
 * Next serves (its POST is routeHandler(definition): the one endpoint definition, run through runEndpoint, so
 * signature check, authorization, validation, audit and answers are the same code), with the response headers
 * next.config.mjs sets on every path. Next's request handling (routing, its request/response adapters, its
 * async contexts) cost about as much CPU per call as the decision itself (README, Benchmarks). Only signed
 * calls: a cookie call needs Next's request context for its session. Anything else, an unknown path or a
 * build without these routes goes to Next. SC_DIRECT_DECISION_ROUTES=0 turns it off (to measure it).
 * Checked against Next on a served build (2026-12-07): the same status, body and headers for an answer, a
 * batch, a bad signature, invalid input and a non-object body, but for Next's `Vary` (rsc, router state,
 * Accept-Encoding) and its gzip when asked: these answers are not compressed.
 */
const DIRECT_ROUTES = ["/api/v1/authorize", "/api/v1/authorize/batch"];

/* global Headers, Request */
async function directDecisionRoutes() {
  if (process.env.SC_DIRECT_DECISION_ROUTES === "0") return null;
  const distDir = path.resolve(process.env.NEXT_DIST_DIR ?? ".next");
  const require = createRequire(import.meta.url);
  const handlers = new Map();
  let headerRules;
  try {
    headerRules = JSON.parse(readFileSync(path.join(distDir, "routes-manifest.json"), "utf8")).headers ?? [];
    for (const route of DIRECT_ROUTES) {
      const compiled = require(path.join(distDir, "server", "app", ...route.split("/").filter(Boolean), "route.js"));
      // Next loads a route's own module lazily (a route may use top-level await): as Next does before a call.
      await compiled.routeModule?.ensureUserland?.();
      const post = compiled.routeModule?.userland?.POST;
      if (typeof post !== "function" || !post.endpoint) return null;
      const headers = headerRules
        .filter((rule) => !rule.has && !rule.missing && new RegExp(rule.regex).test(route))
        .flatMap((rule) => rule.headers.map(({ key, value }) => [key, value]));
      handlers.set(route, { post, headers });
    }
  } catch (error) {
    console.error("The decision API is served through Next (its compiled routes could not be loaded):", error);
    return null;
  }
  return {
    handlerFor(request) {
      // As lib/access-keys/acs3-signature.ts isAcs3Signed: a call that is judged as signed and nothing else.
      if (request.method !== "POST" || !(request.headers.authorization ?? "").startsWith("ACS3-HMAC-SHA256 "))
        return null;
      const query = request.url.indexOf("?");
      return handlers.get(query === -1 ? request.url : request.url.slice(0, query)) ?? null;
    },
    async serve({ post, headers }, request, response) {
      try {
        const webHeaders = new Headers();
        for (const [name, value] of Object.entries(request.headers)) {
          if (value !== undefined) webHeaders.set(name, Array.isArray(value) ? value.join(", ") : value);
        }
        const answer = await post(
          new Request(`http://${request.headers.host ?? `${hostname}:${port}`}${request.url}`, {
            method: "POST",
            headers: webHeaders,
            body: request,
            duplex: "half",
          }),
          { params: Promise.resolve({}) },
        );
        const body = Buffer.from(await answer.arrayBuffer());
        response.statusCode = answer.status;
        for (const [name, value] of headers) response.setHeader(name, value);
        for (const [name, value] of answer.headers) response.setHeader(name, value);
        response.setHeader("content-length", body.byteLength);
        response.end(body);
      } catch (error) {
        console.error("[decision API]", error);
        if (!response.headersSent) response.statusCode = 500;
        response.end();
      }
    },
  };
}

function superviseWorkers(count) {
  let stopping = false;
  let ready = 0;
  const startedAt = new Map();
  let exporterId;
  const fork = (exporter = false) => {
    const worker = cluster.fork({ SC_AUDIT_HEAD_EXPORTER: exporter ? "1" : "0" });
    if (exporter) exporterId = worker.id;
    startedAt.set(worker.id, Date.now());
    worker.on("message", (message) => {
      if (message === "ready" && ++ready === count)
        console.log(`Security Center is ready on http://${hostname}:${port} (${count} workers)`);
    });
  };
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(process.exitCode ?? 0);
      return;
    }
    const lived = Date.now() - (startedAt.get(worker.id) ?? 0);
    console.error(
      `Worker ${worker.process.pid} exited (${signal ?? `code ${code}`}) after ${Math.round(lived / 1000)} s.`,
    );
    if (lived < EARLY_EXIT_MS || code === EXIT_CONFIGURATION) {
      console.error("It did not survive its start; stopping instead of restarting it in a loop.");
      process.exitCode = 1;
      stopping = true;
      for (const other of Object.values(cluster.workers ?? {})) other?.kill("SIGTERM");
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(1);
      return;
    }
    fork(worker.id === exporterId);
  });
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.on(signal, () => {
      stopping = true;
      for (const worker of Object.values(cluster.workers ?? {})) worker?.kill("SIGTERM");
    });
  }
  for (let i = 0; i < count; i++) fork(i === 0);
}

if (cluster.isPrimary) {
  let count;
  try {
    count = workerCount();
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
  if (count === 1) {
    process.env.SC_AUDIT_HEAD_EXPORTER = "1";
    await serve();
  } else superviseWorkers(count);
} else {
  await serve();
}
