// The audit list's filters and keyset pages, the event detail, and the streamed export (CSV quoting and
// formula neutralization, a JSON array), each through the one door, for the tenant's own chain only.
import { describe, expect, it } from "vitest";

import { csvCell, csvRecord, neutralizeFormula } from "@/lib/audit/audit-csv";
import { recordAuditEvent, type AuditWho } from "@/lib/audit/record-audit-event";
import { parseCsv } from "@/lib/catalog/csv";
import { encodeLogField } from "@/lib/audit/log-field";
import { runEndpoint } from "@/lib/endpoint/run-endpoint";
import { containsPattern } from "@/lib/services/audit/audit-event-filter";
import { exportAuditEvents, exportAuditEventsEndpoint } from "@/lib/services/audit/export-audit-events";
import { AppError } from "@/lib/errors";
import { getAuditEventEndpoint } from "@/lib/services/audit/get-audit-event";
import { listAuditEventsEndpoint } from "@/lib/services/audit/list-audit-events";
import { auditChartsEndpoint } from "@/lib/services/audit/audit-charts";
import { contextFor, demoDatabase, requestMeta } from "../helpers/test-database";
import { itRefuses } from "../helpers/refusal-table";

const prisma = await demoDatabase();
const wonderland = await prisma.tenant.findUniqueOrThrow({ where: { name: "wonderland" } });
const project = await prisma.project.findUniqueOrThrow({ where: { name: "WonderLand" } });
const audrey = (await contextFor("audrey@wonderland.example")).actor;
const sam = (await contextFor("sam@secretgarden.example")).actor;

// A known set of events in wonderland's chain, some with hostile text, and one in secretgarden's.
const writer: AuditWho = {
  tenantId: wonderland.id,
  actorId: null,
  actorName: "RAM$wonderland:searcher",
  actorType: "USER",
};
const HOSTILE = ['=HYPERLINK("http://evil.example","x")', "+1+1", "-2", "@SUM(A1)", 'say "hi", then\nleave'];
for (let i = 0; i < 12; i++) {
  await prisma.$transaction((tx) =>
    recordAuditEvent(tx, writer, requestMeta("10.1.1.1"), {
      action: i % 3 === 0 ? "search.grant" : "search.other",
      result: i % 4 === 0 ? "DENIED" : "SUCCESS",
      projectId: i % 2 === 0 ? project.id : null,
      target: { type: "TABLE", name: i < HOSTILE.length ? HOSTILE[i] : `table_${i}` },
      reason: i === 7 ? "100% of rows_x" : null,
      before: { privileges: ["Select"] },
      after: { privileges: ["Select", "Describe"] },
    }),
  );
}
await prisma.$transaction((tx) =>
  recordAuditEvent(tx, { ...writer, tenantId: sam.tenantId, actorName: "RAM$wonderland:searcher" }, requestMeta(), {
    action: "search.grant",
  }),
);

const list = (input: Record<string, unknown>, actor = audrey) =>
  runEndpoint(listAuditEventsEndpoint, actor, requestMeta(), input);
const actions = (result: Awaited<ReturnType<typeof list>>) => (result.ok ? result.data.items.map((i) => i.action) : []);

describe("the audit list's filters", () => {
  it.each([
    ["actor (exact)", { actor: "RAM$wonderland:searcher" }, 12],
    ["action (exact)", { actor: "RAM$wonderland:searcher", action: "search.grant" }, 4],
    ["project", { actor: "RAM$wonderland:searcher", project: "wonderland" }, 6],
    ["object (exact)", { object: "+1+1" }, 1],
    ["result", { actor: "RAM$wonderland:searcher", result: "DENIED" }, 3],
    ["free text, case-insensitive", { q: "SEARCH.GRANT" }, 4],
    ["free text with LIKE wildcards taken literally", { q: "100%" }, 1],
    ["free text: an underscore is not a wildcard", { q: "rows_x" }, 1],
    ["free text: % alone matches only a literal %", { q: "%" }, 1],
    ["a time range", { actor: "RAM$wonderland:searcher", from: "2000-01-01T00:00:00Z", to: "2000-01-02T00:00:00Z" }, 0],
  ])("%s", async (_what, input, count) => {
    const result = await list({ ...input, pageSize: "200" });
    expect(result.ok, JSON.stringify(result)).toBe(true);
    expect(actions(result)).toHaveLength(count);
  });

  it("sees only the caller's own tenant's chain", async () => {
    const result = await list({ actor: "RAM$wonderland:searcher" }, sam);
    expect(actions(result)).toEqual(["search.grant"]);
  });

  it("walks keyset pages newest first without a gap or a repeat", async () => {
    const seen: string[] = [];
    let before: string | undefined;
    for (let page = 0; page < 10; page++) {
      const result = await list({ actor: "RAM$wonderland:searcher", pageSize: "5", ...(before ? { before } : {}) });
      if (!result.ok) throw new Error(JSON.stringify(result));
      seen.push(...result.data.items.map((item) => item.seq));
      if (!result.data.nextBefore) break;
      before = result.data.nextBefore;
    }
    expect(seen).toHaveLength(12);
    expect(new Set(seen).size).toBe(12);
    expect(seen.map(BigInt)).toEqual(seen.map(BigInt).sort((a, b) => (a > b ? -1 : a < b ? 1 : 0)));
  });

  it("escapes LIKE metacharacters in a search", () => {
    expect(containsPattern("a%b_c\\d")).toBe("%a\\%b\\_c\\\\d%");
  });

  itRefuses(
    [
      {
        description: "allen is no auditor",
        who: "allen@wonderland.example",
        endpoint: listAuditEventsEndpoint,
        input: {},
        code: "FORBIDDEN",
      },
      {
        description: "a search over 100 characters",
        who: "audrey@wonderland.example",
        endpoint: listAuditEventsEndpoint,
        input: { q: "x".repeat(101) },
        code: "INVALID_INPUT",
        field: "q",
      },
      {
        description: "a project of another tenant",
        who: "audrey@wonderland.example",
        endpoint: listAuditEventsEndpoint,
        input: { project: "SecretGarden" },
        code: "INVALID_INPUT",
        field: "project",
      },
      {
        description: "a backwards range",
        who: "audrey@wonderland.example",
        endpoint: listAuditEventsEndpoint,
        input: { from: "2026-02-01T00:00:00Z", to: "2026-01-01T00:00:00Z" },
        code: "INVALID_INPUT",
        field: "to",
      },
      {
        description: "a range over a year",
        who: "audrey@wonderland.example",
        endpoint: listAuditEventsEndpoint,
        input: { from: "2024-01-01T00:00:00Z", to: "2026-01-01T00:00:00Z" },
        code: "INVALID_INPUT",
        field: "to",
      },
      {
        description: "a forged cursor",
        who: "audrey@wonderland.example",
        endpoint: listAuditEventsEndpoint,
        input: { before: "1' OR 1=1" },
        code: "INVALID_INPUT",
        field: "before",
      },
      {
        description: "a bad time",
        who: "audrey@wonderland.example",
        endpoint: listAuditEventsEndpoint,
        input: { from: "yesterday" },
        code: "INVALID_INPUT",
        field: "from",
      },
      {
        description: "another tenant's event",
        who: "sam@secretgarden.example",
        endpoint: getAuditEventEndpoint,
        input: async () => ({
          seq: String((await prisma.auditChainHead.findUniqueOrThrow({ where: { chainId: wonderland.id } })).lastSeq),
        }),
        code: "NOT_FOUND",
      },
      {
        description: "allen exporting",
        who: "allen@wonderland.example",
        endpoint: exportAuditEventsEndpoint,
        input: { format: "csv" },
        code: "FORBIDDEN",
      },
      {
        description: "an unknown format",
        who: "audrey@wonderland.example",
        endpoint: exportAuditEventsEndpoint,
        input: { format: "xlsx" },
        code: "INVALID_INPUT",
        field: "format",
      },
      {
        description: "allen reading the charts",
        who: "allen@wonderland.example",
        endpoint: auditChartsEndpoint,
        input: {},
        code: "FORBIDDEN",
      },
    ],
    // The callers' own chains record the refusals; every other chain stays as it was.
    () =>
      prisma.auditChainHead.findMany({
        where: { chainId: { notIn: [wonderland.id, sam.tenantId] } },
        orderBy: { chainId: "asc" },
      }),
  );
});

describe("an event's detail", () => {
  it("has its before and after", async () => {
    const listed = await list({ actor: "RAM$wonderland:searcher", pageSize: "1" });
    if (!listed.ok) throw new Error("list");
    const detail = await runEndpoint(getAuditEventEndpoint, audrey, requestMeta(), { seq: listed.data.items[0]!.seq });
    expect(detail).toMatchObject({
      ok: true,
      data: { before: { privileges: ["Select"] }, after: { privileges: ["Select", "Describe"] } },
    });
  });
});

describe("CSV cells", () => {
  it.each([
    ["=1+1", `"'=1+1"`],
    ["+1", `"'+1"`],
    ["-1", `"'-1"`],
    ["@A1", `"'@A1"`],
    ["\tx", `"'\tx"`],
    ['say "hi"', `"say ""hi"""`],
    ["a,b\nc", `"a,b\nc"`],
    ["plain", `"plain"`],
    [null, `""`],
  ])("%j → %s", (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it("round-trips through an RFC 4180 parser (formulas kept as text)", () => {
    const values = [...HOSTILE, "", "a,b"];
    const parsed = parseCsv(csvRecord(values));
    expect(parsed).toMatchObject({ ok: true, records: [{ fields: values.map(neutralizeFormula) }] });
  });
});

describe("the export", () => {
  const download = async (input: Record<string, unknown>) => {
    const result = await runEndpoint(exportAuditEventsEndpoint, audrey, requestMeta(), input);
    if (!result.ok) throw new Error(JSON.stringify(result));
    return result.data;
  };

  it("streams the filtered set as CSV, every hostile cell neutralized, and records the export first", async () => {
    const response = await download({ format: "csv", actor: "RAM$wonderland:searcher" });
    expect(response.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="audit-wonderland-.*\.csv"$/);
    expect(response.body).toBeInstanceOf(ReadableStream);
    const exported = await prisma.auditEvent.findFirstOrThrow({
      where: { chainId: wonderland.id },
      orderBy: { seq: "desc" },
    });
    expect(exported).toMatchObject({ action: "audit.export", result: "SUCCESS", after: { format: "csv" } });
    const parsed = parseCsv(await response.text());
    if (!parsed.ok) throw new Error(parsed.message);
    const [header, ...rows] = parsed.records.map((record) => record.fields);
    expect(header?.slice(0, 5)).toEqual(["seq", "at", "actor", "actor_type", "action"]);
    expect(rows).toHaveLength(12);
    const targets = rows.map((row) => row[8]);
    // Stored names have their control characters encoded (lib/audit/log-field.ts), then the cell is neutralized.
    expect(targets).toEqual(expect.arrayContaining(HOSTILE.map((name) => neutralizeFormula(encodeLogField(name)!))));
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@]/);
  });

  it("streams JSON as one array (an empty one when nothing matches)", async () => {
    const response = await download({ format: "json", q: "search." });
    const items = (await response.json()) as { action: string; seq: string }[];
    expect(items).toHaveLength(12);
    expect(items.every((item) => item.action.startsWith("search."))).toBe(true);
    const empty = await download({ format: "json", from: "2000-01-01T00:00:00Z", to: "2000-01-02T00:00:00Z" });
    expect(await empty.json()).toEqual([]);
  });

  it("exports a set as wide as the cap whole, and refuses a wider one before recording or sending anything", async () => {
    const ctx = await contextFor("audrey@wonderland.example");
    const input = exportAuditEventsEndpoint.input.parse({ format: "json", q: "search." });
    const atCap = await exportAuditEvents(ctx, input, 12);
    expect((await atCap.json()) as unknown[]).toHaveLength(12);

    const before = await prisma.auditEvent.count({ where: { chainId: wonderland.id } });
    const refused = await exportAuditEvents(ctx, input, 11).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { from: ["More than 11 events match: export a shorter time range or add a filter."] },
    });
    expect(await prisma.auditEvent.count({ where: { chainId: wonderland.id } })).toBe(before);
  });
});

describe("the charts", () => {
  it("counts changes per project over the range, days as rows", async () => {
    const result = await runEndpoint(auditChartsEndpoint, audrey, requestMeta(), { days: "7" });
    expect(result).toMatchObject({ ok: true, data: { days: 7 } });
    if (!result.ok) return;
    expect(result.data.decisionsPerDay).toHaveLength(7);
    expect(result.data.changesPerProject).toEqual(
      expect.arrayContaining([{ project: "WonderLand", changes: expect.any(Number) }]),
    );
  });
});
