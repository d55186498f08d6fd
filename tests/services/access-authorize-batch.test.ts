import { describe, expect, it } from "vitest";
import { runEndpoint } from "@/lib/endpoint/run-endpoint";
import { authorizeBatchEndpoint, MAX_BATCH_REQUESTS, type BatchAnswer } from "@/lib/services/access/authorize-batch";
import { itRefuses, type RefusalCase } from "../helpers/refusal-table";
import { contextFor, demoDatabase, requestMeta } from "../helpers/test-database";

const prisma = await demoDatabase();
const ALICE = "alice@wonderland.example";
const ALLEN = "allen@wonderland.example";
const SAM = "sam@secretgarden.example";

const ask = (principal: string, action: string, object: string, extra: Record<string, unknown> = {}) => ({
  principal,
  project: "WonderLand",
  action,
  object,
  ...extra,
});

async function batch(caller: string, requests: unknown[]) {
  const ctx = await contextFor(caller);
  return runEndpoint(authorizeBatchEndpoint, ctx.actor, requestMeta(), { requests });
}

async function answers(caller: string, requests: unknown[]): Promise<BatchAnswer[]> {
  const result = await batch(caller, requests);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.data.answers;
}

describe("POST /api/v1/authorize/batch", () => {
  it("answers in order, each bad item with its own error in its place", async () => {
    const requests = [
      ask("RAM$wonderland:allen", "odps:Select", "tables/sales_orders"),
      ask("RAM$wonderland:allen", "odps:Select", "tables/no_such_table"),
      ask("RAM$wonderland:allen", "Select", "tables/sales_orders"),
      ask("RAM$wonderland:nobody", "odps:Select", "tables/sales_orders"),
      ask("RAM$wonderland:allen", "odps:Drop", "tables/t_app_events"),
      ask("RAM$wonderland:allen", "odps:Select", "tables/user_profile", { columns: ["mobile", "birthday"] }),
      "not an object",
      ask("RAM$wonderland:allen", "odps:Select", "tables/user_profile", { columns: ["salary"] }),
      ask("RAM$wonderland:allen", "odps:Select", "tables/sales_orders", { context: { sourceIp: "203.0.113.9" } }),
    ];
    const got = await answers(ALICE, requests);
    expect(got).toHaveLength(requests.length);
    const summary = got.map((answer) =>
      "error" in answer ? `error ${answer.error.code}` : `${answer.effect} ${answer.decidedBy}`,
    );
    expect(summary).toEqual([
      "Allow ACL",
      "error NOT_FOUND",
      "error INVALID_INPUT",
      "error NOT_FOUND",
      "Deny Policy",
      "Deny LabelSecurity",
      "error INVALID_INPUT",
      "error INVALID_INPUT",
      "Deny Whitelist",
    ]);
    expect(got[1]).toMatchObject({ error: { message: expect.stringMatching(/no table named no_such_table/) } });
    expect(got[2]).toMatchObject({ error: { fieldErrors: { action: [expect.any(String)] } } });
    expect(got[3]).toMatchObject({ error: { message: expect.stringMatching(/RAM\$wonderland:nobody was not found/) } });
    expect(got[7]).toMatchObject({ error: { fieldErrors: { columns: [expect.stringMatching(/salary/)] } } });
  });

  it("gives the same answers as one call at a time", async () => {
    const request = ask("RAM$wonderland:allen", "odps:Select", "tables/user_profile", { columns: ["mobile"] });
    const [inBatch] = await answers(ALICE, [request]);
    const { authorizeEndpoint } = await import("@/lib/services/access/authorize");
    const single = await runEndpoint(authorizeEndpoint, (await contextFor(ALICE)).actor, requestMeta(), request);
    expect(single.ok && single.data).toEqual(inBatch);
  });

  it(`answers ${MAX_BATCH_REQUESTS} requests, resolving the project and principal once`, async () => {
    const requests = Array.from({ length: MAX_BATCH_REQUESTS }, (_, i) =>
      ask("RAM$wonderland:allen", "odps:Select", i % 2 ? "tables/sales_orders" : "tables/ods_click_log"),
    );
    const got = await answers(ALICE, requests);
    expect(got.map((answer) => ("error" in answer ? "error" : answer.effect))).toEqual(
      requests.map((_, i) => (i % 2 ? "Allow" : "Deny")),
    );
  });

  it("a member asks about himself in a batch", async () => {
    const got = await answers(ALLEN, [ask("RAM$wonderland:allen", "odps:Select", "tables/sales_orders")]);
    expect(got).toMatchObject([{ effect: "Allow", decidedBy: "ACL" }]);
  });
});

const noState = async () => prisma.accessDecision.count();
const REFUSALS: RefusalCase[] = [
  {
    description: "one item asks about someone else without administering the project: the whole batch",
    who: ALLEN,
    endpoint: authorizeBatchEndpoint,
    input: {
      requests: [
        ask("RAM$wonderland:allen", "odps:Select", "tables/sales_orders"),
        ask("RAM$wonderland:bob", "odps:Select", "tables/sales_orders"),
      ],
    },
    code: "FORBIDDEN",
  },
  {
    description: "the other tenant asks about WonderLand",
    who: SAM,
    endpoint: authorizeBatchEndpoint,
    input: { requests: [ask("ALIYUN$sam@secretgarden.example", "odps:Select", "tables/sales_orders")] },
    code: "NOT_FOUND",
  },
  {
    description: `more than ${MAX_BATCH_REQUESTS} requests`,
    who: ALICE,
    endpoint: authorizeBatchEndpoint,
    input: {
      requests: Array.from({ length: MAX_BATCH_REQUESTS + 1 }, () =>
        ask("RAM$wonderland:allen", "odps:Select", "tables/sales_orders"),
      ),
    },
    code: "INVALID_INPUT",
    field: "requests",
  },
  {
    description: "no requests",
    who: ALICE,
    endpoint: authorizeBatchEndpoint,
    input: { requests: [] },
    code: "INVALID_INPUT",
    field: "requests",
  },
  {
    description: "requests that are not a list",
    who: ALICE,
    endpoint: authorizeBatchEndpoint,
    input: { requests: "tables/sales_orders" },
    code: "INVALID_INPUT",
    field: "requests",
  },
];

describe("POST /api/v1/authorize/batch: refusals (nothing decided, nothing recorded)", () => {
  itRefuses(REFUSALS, noState);
});
