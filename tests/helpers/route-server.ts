import { readdirSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { CLIENT_IP_HEADER, CLIENT_IP_SECRET_HEADER } from "@/lib/http/request-meta";

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** Every app/api/v1 route file as its path segments (`[name]` for a parameter). */
function routeFiles(directory = path.resolve("app/api/v1"), prefix: string[] = ["api", "v1"]): string[][] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory()) return routeFiles(path.join(directory, entry.name), [...prefix, entry.name]);
    return entry.name === "route.ts" ? [prefix] : [];
  });
}

const ROUTES = routeFiles().sort((a, b) => a.filter(isParam).length - b.filter(isParam).length);
function isParam(segment: string) {
  return segment.startsWith("[") && segment.endsWith("]");
}

function match(pathname: string): { file: string; params: Record<string, string> } | null {
  const segments = pathname.split("/").filter(Boolean).map(decodeURIComponent);
  for (const route of ROUTES) {
    if (route.length !== segments.length) continue;
    const params: Record<string, string> = {};
    if (
      route.every((part, i) =>
        isParam(part) ? ((params[part.slice(1, -1)] = segments[i]!), true) : part === segments[i],
      )
    )
      return { file: path.resolve("app", ...route, "route.ts"), params };
  }
  return null;
}

/**
 * A real HTTP server in front of the app's route handlers (what `next start` does for app/api, minus Next):
 * for clients that must talk HTTP, such as Alibaba Cloud's SDK and the CLI. Like scripts/serve.mjs it vouches
 * for the TCP peer's address, so the IP whitelists judge the real connection.
 */
export async function startRouteServer(): Promise<{ endpoint: string; url: string; close(): Promise<void> }> {
  process.env.SC_CLIENT_IP_SECRET ??= `route-server-${process.pid}`;
  const server = http.createServer(async (incoming, outgoing) => {
    try {
      const url = new URL(incoming.url ?? "/", `http://${incoming.headers.host}`);
      const found = match(url.pathname);
      const handler =
        found && ((await import(/* @vite-ignore */ found.file)) as Record<string, Handler>)[incoming.method!];
      if (!found || !handler) {
        outgoing.writeHead(404, { "content-type": "application/json" }).end('{"code":"NotFound","message":"no route"}');
        return;
      }
      const headers = new Headers();
      for (const [name, value] of Object.entries(incoming.headers)) {
        if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
      }
      headers.set(CLIENT_IP_HEADER, (incoming.socket.remoteAddress ?? "").replace(/^::ffff:/, ""));
      headers.set(CLIENT_IP_SECRET_HEADER, process.env.SC_CLIENT_IP_SECRET!);
      const hasBody = incoming.method !== "GET" && incoming.method !== "HEAD";
      const request = new Request(url, {
        method: incoming.method,
        headers,
        ...(hasBody ? { body: incoming as unknown as ReadableStream, duplex: "half" } : {}),
      } as RequestInit);
      const response = await handler(request, { params: Promise.resolve(found.params) });
      outgoing.writeHead(response.status, Object.fromEntries(response.headers));
      outgoing.end(Buffer.from(await response.arrayBuffer()));
    } catch (error) {
      console.error("[route-server]", error);
      outgoing.writeHead(500).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `127.0.0.1:${port}`,
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
