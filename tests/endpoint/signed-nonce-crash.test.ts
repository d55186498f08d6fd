// A decision call's nonce is stored without waiting for its own flush (EndpointDefinition.recordsEveryAnswer):
// the decision's record, committed durably before the answer, flushes the log through it. So every nonce
// whose call was answered must survive a crash: the server is killed (no checkpoint) right after the last
// answer, recovers from its WAL, and every answered request replayed is refused. Under `npm run test:pg`
// only (it needs PostgreSQL's binaries), on a durable server of its own.
import { describe, expect, it } from "vitest";
import { CLIENT_IP_HEADER, CLIENT_IP_SECRET_HEADER } from "@/lib/http/request-meta";
import { signRequest } from "../helpers/acs3-test-signer";
import { durableServerOfThisFile } from "../helpers/durable-server";

const BASE = "http://security-center.test";
const ANSWERED = 40;

describe.skipIf(!process.env.TEST_PG)("signed decision calls: an answered nonce survives a crash", () => {
  const startServer = durableServerOfThisFile("security_center_nonce_crash");

  it("every request answered before the crash is refused as a replay after recovery", async () => {
    const { server } = await startServer();
    process.env.SC_CLIENT_IP_SECRET = "nonce-crash-test";
    const { demoDatabase, contextFor } = await import("../helpers/test-database");
    await demoDatabase();
    const { createAccessKey } = await import("@/lib/services/access-keys/create-access-key");
    const { POST: authorize } = await import("@/app/api/v1/authorize/route");
    const key = await createAccessKey(await contextFor("alice@wonderland.example"), { description: "crash" });

    const body = JSON.stringify({
      principal: "RAM$wonderland:allen",
      project: "WonderLand",
      action: "odps:Select",
      object: "tables/user_profile",
      columns: ["id"],
    });
    const url = `${BASE}/api/v1/authorize`;
    const call = (headers: Record<string, string>) =>
      authorize(
        new Request(url, {
          method: "POST",
          headers: { ...headers, [CLIENT_IP_HEADER]: "127.0.0.1", [CLIENT_IP_SECRET_HEADER]: "nonce-crash-test" },
          body,
        }),
        { params: Promise.resolve({}) },
      );

    const answered: Record<string, string>[] = [];
    for (let n = 0; n < ANSWERED; n++) {
      const headers = signRequest({ method: "POST", url, accessKeyId: key.id, secret: key.secret, body });
      const response = await call(headers);
      expect(response.status, await response.clone().text()).toBe(200);
      answered.push(headers);
    }
    // At once after the last answer: well inside the WAL writer's 200 ms, so only the records' flushes can
    // have made the last nonces durable.
    await server.crashAndRestart();

    // The pool's connections died with the server; the first calls may fail on them (500) before new ones open.
    const statuses: number[] = [];
    for (const headers of answered) {
      let status = 500;
      for (let attempt = 0; attempt < 5 && status === 500; attempt++) status = (await call(headers)).status;
      statuses.push(status);
    }
    expect(statuses).toEqual(answered.map(() => 403));
    // And the door works after recovery: a new request is answered.
    const fresh = await call(signRequest({ method: "POST", url, accessKeyId: key.id, secret: key.secret, body }));
    expect(fresh.status).toBe(200);
  });
});
