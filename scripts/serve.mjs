// The console's HTTP server: Next.js behind a thin Node server that sets the one client-address header the
// app trusts (x-sc-client-ip) from the TCP connection, overwriting anything a client sent under that name.
// Next alone cannot do this: it keeps a client-supplied X-Forwarded-For as the client's address.
import http from "node:http";
import next from "next";
import { clientIp, parseTrustedProxies } from "./client-ip.mjs";

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOST ?? "localhost";
const trustedProxies = parseTrustedProxies(process.env.TRUSTED_PROXIES);

const app = next({ dev, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

const server = http.createServer((request, response) => {
  const address = clientIp(request.socket.remoteAddress, request.headers["x-forwarded-for"], trustedProxies);
  if (address) request.headers["x-sc-client-ip"] = address;
  else delete request.headers["x-sc-client-ip"];
  handle(request, response);
});
server.listen(port, hostname, () => console.log(`Security Center is ready on http://${hostname}:${port}`));

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    server.close();
    // Releases the embedded database's folder lock (lib/db/client.ts registers its own exit handling).
    process.exit(0);
  });
}
