// Every decision the decision API and check access answer is in access_decisions, committed before the answer
// left (acknowledged ⇒ present), append-only, and readable by the tenant's auditors and administrators.
import { describe, expect, it } from "vitest";
import { recordAccessDecisions } from "@/lib/audit/access-decision-log";
import { runEndpoint } from "@/lib/endpoint/run-endpoint";
import { authorizeEndpoint } from "@/lib/services/access/authorize";
import { authorizeBatchEndpoint } from "@/lib/services/access/authorize-batch";
import { checkAccessEndpoint } from "@/lib/services/access/check-access";
import { listAccessDecisionsEndpoint } from "@/lib/services/audit/list-access-decisions";
import { itRefuses } from "../helpers/refusal-table";
import { asOwner, contextFor, demoDatabase, requestMeta } from "../helpers/test-database";

const prisma = await demoDatabase();
type Owner = Parameters<Parameters<typeof asOwner>[0]>[0];
const ALICE = "alice@wonderland.example";
const ALLEN = "allen@wonderland.example";
const AUDREY = "audrey@wonderland.example";
const SAM = "sam@secretgarden.example";
const wonderland = await prisma.project.findUniqueOrThrow({ where: { name: "WonderLand" } });

const ask = (principal: string, object: string, extra: Record<string, unknown> = {}) => ({
  principal,
  project: "WonderLand",
  action: "odps:Select",
  object,
  ...extra,
});

async function call(endpoint: unknown, caller: string, input: Record<string, unknown>) {
  const ctx = await contextFor(caller);
  const meta = requestMeta();
  const result = await runEndpoint(endpoint as typeof authorizeEndpoint, ctx.actor, meta, input);
  return { result, requestId: meta.requestId, actor: ctx.actor };
}

describe("access decisions are recorded", () => {
  it("acknowledged ⇒ present: 60 concurrent answers each find their record the moment they arrive", async () => {
    const calls = Array.from({ length: 60 }, async (_, i) => {
      const { result, requestId } = await call(
        authorizeEndpoint,
        ALICE,
        ask("RAM$wonderland:allen", i % 3 ? "tables/sales_orders" : "tables/ods_click_log"),
      );
      expect(result.ok).toBe(true);
      // Read straight after the answer, before any other await: the record must already be committed.
      return prisma.accessDecision.count({ where: { requestId } });
    });
    expect(await Promise.all(calls)).toEqual(Array(60).fill(1));
  });

  it("records the principal, object, columns, decision, deciding layer, caller, tenant and endpoint", async () => {
    const { requestId, actor } = await call(
      authorizeEndpoint,
      ALICE,
      ask("ram$wonderland:ALLEN", "tables/user_profile", { columns: ["mobile", "birthday"] }),
    );
    const row = await prisma.accessDecision.findFirstOrThrow({ where: { requestId } });
    expect(row).toMatchObject({
      tenantId: wonderland.tenantId,
      callerTenantId: actor.tenantId,
      callerId: actor.userId,
      callerName: "ALIYUN$alice@wonderland.example",
      via: "access.authorize",
      projectId: wonderland.id,
      projectName: "WonderLand",
      principal: "RAM$wonderland:allen",
      action: "Select",
      objectType: "Table",
      objectName: "user_profile",
      effect: "Deny",
      decidedBy: "LabelSecurity",
      sourceIp: "127.0.0.1",
      // Stored compactly as [name, effect, decidedBy] (schema.prisma); the audit page reads them as objects.
      columns: [
        ["mobile", "Allow", "ACL"],
        ["birthday", "Deny", "LabelSecurity"],
      ],
    });
    expect(Date.now() - row.at.getTime()).toBeLessThan(60_000);
  });

  it("a batch records each answered item (not the items that erred), check access its one decision", async () => {
    const batch = await call(authorizeBatchEndpoint, ALICE, {
      requests: [
        ask("RAM$wonderland:allen", "tables/sales_orders"),
        ask("RAM$wonderland:allen", "tables/no_such_table"),
        ask("RAM$wonderland:allen", "tables/ods_click_log", { context: { sourceIp: "10.1.2.3" } }),
      ],
    });
    const batchRows = await prisma.accessDecision.findMany({
      where: { requestId: batch.requestId },
      orderBy: { id: "asc" },
    });
    expect(batchRows.map((row) => [row.via, row.objectName, row.effect, row.decidedBy, row.sourceIp])).toEqual([
      ["access.authorize-batch", "sales_orders", "Allow", "ACL", "127.0.0.1"],
      ["access.authorize-batch", "ods_click_log", "Deny", "Default", "10.1.2.3"],
    ]);

    const check = await call(checkAccessEndpoint, ALLEN, {
      project: "WonderLand",
      principal: "RAM$wonderland:allen",
      action: "Select",
      objectType: "Table",
      objectName: "sales_orders",
    });
    expect(check.result.ok).toBe(true);
    const checkRows = await prisma.accessDecision.findMany({ where: { requestId: check.requestId } });
    expect(checkRows.map((row) => [row.via, row.principal, row.callerName, row.effect])).toEqual([
      ["access.check", "RAM$wonderland:allen", "RAM$wonderland:allen", "Allow"],
    ]);
  });

  it("a refused question records no decision", async () => {
    const { result, requestId } = await call(
      authorizeEndpoint,
      ALLEN,
      ask("RAM$wonderland:bob", "tables/sales_orders"),
    );
    expect(result.ok).toBe(false);
    expect(await prisma.accessDecision.count({ where: { requestId } })).toBe(0);
  });

  it.each([
    ["UPDATE", (owner: Owner) => owner.$executeRaw`UPDATE access_decisions SET effect = 'Allow'`],
    ["DELETE", (owner: Owner) => owner.$executeRaw`DELETE FROM access_decisions`],
    ["TRUNCATE", (owner: Owner) => owner.$executeRaw`TRUNCATE access_decisions`],
  ])("is append-only: %s is refused, even for the tables' owner", async (_what, statement) => {
    expect(await prisma.accessDecision.count()).toBeGreaterThan(0);
    await asOwner(async (owner) => {
      await expect(statement(owner)).rejects.toThrow(/append-only/);
    });
  });
});

describe("the writer (one transaction per group commit: COPY on PostgreSQL, one INSERT on PGlite)", () => {
  const decision = (effect: "Allow" | "Deny", columns: number) => ({
    effect,
    decidedBy: "ACL" as const,
    steps: [],
    columns: Array.from({ length: columns }, (_, i) => ({
      column: `c${i}`,
      effect,
      decidedBy: "ACL" as const,
      ruleId: null,
      text: "",
    })),
    errors: [],
    securityVersion: 1,
  });
  const answered = (i: number, project = wonderland) => ({
    via: "access.authorize-batch",
    project,
    principal: `RAM$wonderland:writer_${i}`,
    action: "Select",
    object: { type: "Table", name: `t_${i}` },
    sourceIp: i % 2 ? null : "10.0.0.1",
    decision: decision(i % 3 ? "Allow" : "Deny", i % 4),
  });

  it("writes every record asked, as asked: a 2,500-record batch among 40 concurrent callers", async () => {
    const ctx = await contextFor(ALICE);
    const callers = Array.from({ length: 40 }, (_, caller) => ({
      ctx: { ...ctx, request: { ...requestMeta(), requestId: `writer-${caller}` } },
      records: Array.from({ length: caller === 0 ? 2500 : 1 + (caller % 5) }, (_, i) => answered(i)),
    }));
    await Promise.all(callers.map(({ ctx: callerCtx, records }) => recordAccessDecisions(callerCtx, records)));
    for (const { ctx: callerCtx, records } of callers) {
      const rows = await prisma.accessDecision.findMany({
        where: { requestId: callerCtx.request.requestId },
        orderBy: { id: "asc" },
      });
      expect(rows.map((row) => [row.principal, row.effect, row.sourceIp, row.columns])).toEqual(
        records.map((record) => [
          record.principal,
          record.decision.effect,
          record.sourceIp,
          record.decision.columns.length > 0
            ? record.decision.columns.map((column) => [column.column, column.effect, column.decidedBy])
            : null,
        ]),
      );
    }
  });

  it("writes any text as given: tabs, line breaks, backslashes, quotes, COPY's \\N and non-ASCII", async () => {
    const ctx = await contextFor(ALICE);
    const awkward = ["a\tb", "line\nbreak\r\n", "back\\slash\\N", "\\N", "quo\"te's", "É 名前 🙂", ""];
    const records = awkward.map((name, i) => ({
      ...answered(i),
      principal: `RAM$wonderland:${name}`,
      object: { type: "Table", name },
      decision: { ...decision("Allow", 1), columns: [{ ...decision("Allow", 1).columns[0]!, column: name }] },
    }));
    const requestId = "writer-awkward-text";
    await recordAccessDecisions({ ...ctx, request: { ...requestMeta(), requestId } }, records);
    const rows = await prisma.accessDecision.findMany({ where: { requestId }, orderBy: { id: "asc" } });
    expect(rows.map((row) => [row.principal, row.objectName, row.columns])).toEqual(
      awkward.map((name) => [`RAM$wonderland:${name}`, name, [[name, "Allow", "ACL"]]]),
    );
  });

  it("a NUL typed by one caller fails no one: it is recorded as U+FFFD, the others' records beside it", async () => {
    const ctx = await contextFor(ALICE);
    const as = (requestId: string) => ({ ...ctx, request: { ...requestMeta(), requestId } });
    const withNul = {
      ...answered(1),
      principal: "RAM$wonderland:nul\0name",
      object: { type: "Table", name: "t\0" },
      decision: { ...decision("Allow", 1), columns: [{ ...decision("Allow", 1).columns[0]!, column: "c\0" }] },
    };
    await Promise.all([
      recordAccessDecisions(as("writer-nul"), [withNul]),
      recordAccessDecisions(as("writer-beside-nul"), [answered(2)]),
    ]);
    const rows = await prisma.accessDecision.findMany({
      where: { requestId: { in: ["writer-nul", "writer-beside-nul"] } },
      orderBy: { id: "asc" },
    });
    expect(rows.map((row) => [row.requestId, row.principal, row.objectName, row.columns])).toEqual([
      ["writer-nul", "RAM$wonderland:nul\uFFFDname", "t\uFFFD", [["c\uFFFD", "Allow", "ACL"]]],
      [
        "writer-beside-nul",
        "RAM$wonderland:writer_2",
        "t_2",
        [
          ["c0", "Allow", "ACL"],
          ["c1", "Allow", "ACL"],
        ],
      ],
    ]);
  });

  it("a bad row deep in a large write fails the whole write, and the log writes on", async () => {
    const ctx = await contextFor(ALICE);
    const as = (requestId: string) => ({ ...ctx, request: { ...requestMeta(), requestId } });
    const broken = { ...wonderland, id: "not-a-uuid" };
    const many = Array.from({ length: 4000 }, (_, i) => answered(i, i === 3900 ? broken : wonderland));
    await expect(recordAccessDecisions(as("writer-fails-deep"), many)).rejects.toThrow(/uuid/);
    expect(await prisma.accessDecision.count({ where: { requestId: "writer-fails-deep" } })).toBe(0);
    await Promise.all([1, 2, 3].map((i) => recordAccessDecisions(as(`writer-after-deep-${i}`), [answered(i)])));
    expect(await prisma.accessDecision.count({ where: { requestId: { startsWith: "writer-after-deep-" } } })).toBe(3);
  });

  it("a failed write fails every caller it held and writes none of their records (all or none)", async () => {
    const ctx = await contextFor(ALICE);
    const as = (requestId: string) => ({ ...ctx, request: { ...requestMeta(), requestId } });
    // Appended in the same turn, so they share one write; the broken project id fails that write as a whole.
    const broken = { ...wonderland, id: "not-a-uuid" };
    const results = await Promise.allSettled([
      recordAccessDecisions(as("writer-fails-1"), [answered(1), answered(2)]),
      recordAccessDecisions(as("writer-fails-2"), [answered(3, broken)]),
    ]);
    expect(results.map((result) => result.status)).toEqual(["rejected", "rejected"]);
    expect(
      await prisma.accessDecision.count({ where: { requestId: { in: ["writer-fails-1", "writer-fails-2"] } } }),
    ).toBe(0);
    // The log goes on: the next write succeeds.
    await recordAccessDecisions(as("writer-after-failure"), [answered(4)]);
    expect(await prisma.accessDecision.count({ where: { requestId: "writer-after-failure" } })).toBe(1);
  });
});

describe("GET /api/v1/audit/decisions", () => {
  type Listing = {
    items: { principal: string; project: string; effect: string; decidedBy: string; caller: string }[];
    nextBefore: string | null;
  };
  async function list(caller: string, input: Record<string, unknown>): Promise<Listing> {
    const { result } = await call(listAccessDecisionsEndpoint, caller, input);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    return result.data as unknown as Listing;
  }

  it("the tenant's auditor reads them, filtered, in keyset pages that neither skip nor repeat", async () => {
    const all = await list(AUDREY, { pageSize: 200, project: "wonderland", principal: "allen" });
    expect(all.items.length).toBeGreaterThan(60);
    expect(all.items.every((item) => item.project === "WonderLand" && /allen/i.test(item.principal))).toBe(true);
    const seen: unknown[] = [];
    let before: string | null | undefined;
    do {
      const page = await list(AUDREY, {
        pageSize: 25,
        project: "wonderland",
        principal: "allen",
        ...(before ? { before } : {}),
      });
      seen.push(...page.items);
      before = page.nextBefore;
    } while (before);
    expect(seen).toEqual(all.items);

    const denials = await list(AUDREY, { effect: "Deny", decidedBy: "LabelSecurity", pageSize: 200 });
    expect(denials.items.length).toBeGreaterThan(0);
    expect(denials.items.every((item) => item.effect === "Deny" && item.decidedBy === "LabelSecurity")).toBe(true);
  });

  it("reads the column verdicts of either stored shape: compact arrays, and the objects of earlier rows", async () => {
    const columnsOf = async (requestId: string) => {
      const listed = (await list(AUDREY, { pageSize: 200, principal: "verdict-shapes" })) as unknown as {
        items: { principal: string; columns: unknown }[];
      };
      return listed.items.find((item) => item.principal.endsWith(requestId))?.columns;
    };
    const ctx = await contextFor(ALICE);
    await recordAccessDecisions({ ...ctx, request: { ...requestMeta(), requestId: "shapes-new" } }, [
      {
        via: "access.authorize",
        project: wonderland,
        principal: "RAM$wonderland:verdict-shapes-new",
        action: "Select",
        object: { type: "Table", name: "user_profile" },
        sourceIp: null,
        decision: {
          effect: "Deny",
          decidedBy: "LabelSecurity",
          steps: [],
          columns: [
            { column: "mobile", effect: "Allow", decidedBy: "ACL", ruleId: null, text: "" },
            { column: "birthday", effect: "Deny", decidedBy: "LabelSecurity", ruleId: null, text: "" },
          ],
          errors: [],
          securityVersion: 1,
        },
      },
    ]);
    // A row as the writer stored it before the compact shape (the runtime role may insert, like the writer).
    const old = [
      { name: "mobile", effect: "Allow", decidedBy: "ACL" },
      { name: "birthday", effect: "Deny", decidedBy: "LabelSecurity" },
    ];
    await prisma.$executeRaw`INSERT INTO access_decisions (at, tenant_id, caller_tenant_id, caller_id, caller_name,
      via, project_id, project_name, principal, action, object_type, object_name, columns, effect, decided_by,
      request_id) VALUES (now(), ${wonderland.tenantId}::uuid, ${wonderland.tenantId}::uuid, ${ctx.actor.userId},
      'ALIYUN$alice@wonderland.example', 'access.authorize', ${wonderland.id}::uuid, 'WonderLand',
      'RAM$wonderland:verdict-shapes-old', 'Select', 'Table', 'user_profile', ${JSON.stringify(old)}::json,
      'Deny', 'LabelSecurity', 'shapes-old')`;
    expect(await columnsOf("new")).toEqual(old);
    expect(await columnsOf("old")).toEqual(old);
  });

  it("the owner reads them; the other tenant's owner sees none of WonderLand's", async () => {
    expect((await list(ALICE, { pageSize: 1 })).items).toHaveLength(1);
    const sams = await list(SAM, { pageSize: 200 });
    expect(sams.items.filter((item) => item.project === "WonderLand")).toEqual([]);
  });

  itRefuses(
    [
      {
        description: "an ordinary member",
        who: ALLEN,
        endpoint: listAccessDecisionsEndpoint,
        input: {},
        code: "FORBIDDEN",
      },
      {
        description: "no session",
        who: null,
        endpoint: listAccessDecisionsEndpoint,
        input: {},
        code: "UNAUTHENTICATED",
      },
      {
        description: "a cursor that is not one",
        who: AUDREY,
        endpoint: listAccessDecisionsEndpoint,
        input: { before: "1 OR 1=1" },
        code: "INVALID_INPUT",
        field: "before",
      },
      {
        description: "a page too large",
        who: AUDREY,
        endpoint: listAccessDecisionsEndpoint,
        input: { pageSize: "5000" },
        code: "INVALID_INPUT",
        field: "pageSize",
      },
    ],
    () => prisma.accessDecision.count(),
  );
});
