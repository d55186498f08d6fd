// The decision API for query engines (signed POST /api/v1/authorize, /authorize/batch and /authorize/sql)
// served straight by the route handlers Next compiled, without Next's request pipeline around them.
//
// Why: a decision costs the app about 0.5 ms of CPU (signature, nonce, engine, record); Next's routing, its
// request and response adapters and its async contexts cost about as much again per call, which halved the
// decision API's throughput (README, Benchmarks: the A/B of SC_DIRECT_DECISION_ROUTES).
//
// What is the same: the handler called is the POST of the very route module Next serves (loaded from the build
// by Node's require, so it shares its modules, caches and database pool with every other route); that POST is
// routeHandler(definition), the one endpoint definition run through runEndpoint: signature, authorization,
// validation, audit and answers are one code. The response carries the headers next.config.mjs sets on every
// path. Only signed calls come here: a cookie call needs Next's request context for its session.
// What differs: no gzip (decision answers are small, and compressing costs the CPU saved here).
//
// If the build holds no such route module (another Next version, say), everything goes to Next, as it
// says at start. SC_DIRECT_DECISION_ROUTES=0 turns this off (to measure it).
import { Buffer } from "node:buffer";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

/** The paths served directly: the decision API (lib/services/access: authorize, authorize batch, authorize sql). */
export const DIRECT_DECISION_ROUTES = ["/api/v1/authorize", "/api/v1/authorize/batch", "/api/v1/authorize/sql"];

/** As isAcs3Signed (lib/access-keys/acs3-signature.ts): a call judged by its signature and nothing else. */
const SIGNED = "ACS3-HMAC-SHA256 ";

/* global Headers, Request */

/**
 * The fast path for a production build in `distDir`, or null (with the reason) when the build cannot be served
 * this way. `origin` only completes the request's URL: handlers read its path and query, never its host.
 */
export async function decisionFastPath(distDir, origin) {
  if (process.env.SC_DIRECT_DECISION_ROUTES === "0") return { fastPath: null, reason: "SC_DIRECT_DECISION_ROUTES=0" };
  const require = createRequire(import.meta.url);
  const routes = new Map();
  try {
    // Built from next.config.mjs by Next, not from any request: the header rules Next applies to every answer.
    const headerRules = JSON.parse(readFileSync(path.join(distDir, "routes-manifest.json"), "utf8")).headers ?? [];
    for (const route of DIRECT_DECISION_ROUTES) {
      const compiled = require(path.join(distDir, "server", "app", ...route.split("/").filter(Boolean), "route.js"));
      // Next loads a route's own module lazily (it may use top-level await): as Next does before a call.
      await compiled.routeModule?.ensureUserland?.();
      const post = compiled.routeModule?.userland?.POST;
      // `.endpoint` marks a handler made by routeHandler (lib/endpoint/route-handler.ts): ours, the one door.
      if (typeof post !== "function" || !post.endpoint) return { fastPath: null, reason: `${route} has no POST` };
      const headers = headerRules
        .filter((rule) => !rule.has && !rule.missing && new RegExp(rule.regex).test(route))
        .flatMap((rule) => rule.headers.map(({ key, value }) => [key, value]));
      routes.set(route, { post, headers });
    }
  } catch (error) {
    return { fastPath: null, reason: `its compiled routes could not be loaded (${error.message})` };
  }
  return {
    fastPath: {
      /** The route a Node request is for, when this path serves it; null sends it to Next. */
      routeFor(request) {
        if (request.method !== "POST" || !(request.headers.authorization ?? "").startsWith(SIGNED)) return null;
        const query = request.url.indexOf("?");
        return routes.get(query === -1 ? request.url : request.url.slice(0, query)) ?? null;
      },
      serve: (route, request, response) => serve(route, request, response, origin),
    },
    reason: null,
  };
}

async function serve({ post, headers }, request, response, origin) {
  try {
    const webHeaders = new Headers();
    for (const [name, value] of Object.entries(request.headers)) {
      if (value !== undefined) webHeaders.set(name, Array.isArray(value) ? value.join(", ") : value);
    }
    // The body stays a stream: the handler refuses a declared length over its cap before reading a byte, and
    // counts the bytes as they arrive (lib/endpoint/capped-body.ts).
    const answer = await post(
      new Request(`${origin}${request.url}`, { method: "POST", headers: webHeaders, body: request, duplex: "half" }),
      { params: Promise.resolve({}) },
    );
    const body = Buffer.from(await answer.arrayBuffer());
    response.statusCode = answer.status;
    for (const [name, value] of headers) response.setHeader(name, value);
    for (const [name, value] of answer.headers) response.setHeader(name, value);
    response.setHeader("content-length", body.byteLength);
    response.end(body);
  } catch (error) {
    // The handlers answer every failure of theirs; this is the plumbing failing (a client gone mid-body, say).
    console.error("[decision API]", error);
    if (response.headersSent) response.destroy();
    else {
      response.statusCode = 500;
      response.setHeader("content-type", "application/json");
      response.end(JSON.stringify({ error: { code: "INTERNAL", message: "Something went wrong on our side." } }));
    }
  }
}
