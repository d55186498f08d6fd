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
// Signed calls to the decision API skip Next's request pipeline and go straight to their compiled route
// handlers, the same code (scripts/decision-fast-path.mjs); the start line says which door they take.
//
// Exactly one process per server exports the signed audit chain head on a schedule (SC_AUDIT_HEAD_EXPORTER=1,
// read by instrumentation.ts): the only process, or the first worker and whichever replaces it.
import cluster from "node:cluster";
import { randomBytes } from "node:crypto";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import next from "next";
import { clientIp, parseTrustedProxies } from "./client-ip.mjs";
import { decisionFastPath } from "./decision-fast-path.mjs";

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
  const { fastPath, reason } = dev
    ? { fastPath: null, reason: "development server" }
    : await decisionFastPath(path.resolve(process.env.NEXT_DIST_DIR ?? ".next"), `http://${hostname}:${port}`);
  const decisionDoor = fastPath ? "served directly" : `served through Next: ${reason}`;

  const server = http.createServer((request, response) => {
    const address = clientIp(request.socket.remoteAddress, request.headers["x-forwarded-for"], trustedProxies);
    if (address) request.headers["x-sc-client-ip"] = address;
    else delete request.headers["x-sc-client-ip"];
    request.headers["x-sc-client-ip-secret"] = clientIpSecret;
    const decisionRoute = fastPath?.routeFor(request);
    if (decisionRoute) fastPath.serve(decisionRoute, request, response);
    else handle(request, response);
  });
  server.listen(port, hostname, () => {
    if (cluster.isPrimary)
      console.log(`Security Center is ready on http://${hostname}:${port} (decision API ${decisionDoor})`);
    else process.send?.({ ready: true, decisionDoor });
  });

  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.on(signal, () => {
      server.close();
      // Releases the embedded database's folder lock (lib/db/client.ts registers its own exit handling).
      process.exit(0);
    });
  }
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
      if (message?.ready && ++ready === count)
        console.log(
          `Security Center is ready on http://${hostname}:${port} (${count} workers; decision API ${message.decisionDoor})`,
        );
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
