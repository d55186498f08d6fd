import { EffectBadge, VerdictBadge } from "@/components/access/VerdictBadge";
import { LAYER_NAMES } from "@/components/access/layer-words";
import { StaticTable } from "@/components/access/StaticTable";
import { VerdictBanner } from "@/components/access/VerdictBanner";
import type { AuthorizeSqlAnswer, TableReadVerdict, TableWriteVerdict } from "@/lib/services/access/authorize-sql";

type ColumnVerdict = NonNullable<TableReadVerdict["columns"]>[number];

const STATEMENT_WORDS: Record<AuthorizeSqlAnswer["statements"][number], string> = {
  select: "SELECT",
  insert: "INSERT",
  "create-table-as-select": "CREATE TABLE AS SELECT",
};

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;

/** The engine's answer to a query: the overall verdict, each write, each table read, and each column read. */
export function QueryVerdictView({ answer }: { answer: AuthorizeSqlAnswer }) {
  const allowed = answer.effect === "Allow";
  const denied = [...answer.writes, ...answer.reads].filter((verdict) => verdict.effect === "Deny");
  return (
    <div className="grid gap-5">
      <VerdictBanner allowed={allowed}>
        <p className="text-sm text-slate-800">
          <strong>{answer.principal}</strong> {allowed ? "may" : "may not"} run this{" "}
          {answer.statements.map((statement) => STATEMENT_WORDS[statement]).join(", ")} in{" "}
          <strong>{answer.project}</strong>: it reads {plural(answer.reads.length, "table")}
          {answer.writes.length > 0 ? ` and writes ${plural(answer.writes.length, "table")}` : ""}.
        </p>
        {denied.length > 0 ? (
          <p className="text-sm text-slate-700">
            Denied on {denied.map((verdict) => `${verdict.project}.${verdict.table}`).join(", ")}.
          </p>
        ) : null}
      </VerdictBanner>

      {answer.writes.length > 0 ? (
        <div className="grid gap-2">
          <h3 className="text-sm font-semibold text-slate-900">Tables written</h3>
          <StaticTable<TableWriteVerdict>
            caption="Tables written"
            rows={answer.writes}
            rowKey={(write) => `${write.project}.${write.table}`}
            columns={[
              {
                header: "Table",
                cell: (write) => <span className="font-mono text-xs">{`${write.project}.${write.table}`}</span>,
              },
              {
                header: "Needs",
                cell: (write) => (write.action === "CreateTable" ? `CreateTable on ${write.project}` : "Update"),
              },
              { header: "Verdict", cell: (write) => <EffectBadge effect={write.effect} /> },
              { header: "Decided by", cell: (write) => LAYER_NAMES[write.decidedBy] },
              { header: "Why", cell: (write) => write.reason },
            ]}
          />
        </div>
      ) : null}

      {answer.reads.length > 0 ? (
        <div className="grid gap-2">
          <h3 className="text-sm font-semibold text-slate-900">Tables read</h3>
          <StaticTable<TableReadVerdict>
            caption="Tables read"
            rows={answer.reads}
            rowKey={(read) => `${read.project}.${read.table}`}
            columns={[
              {
                header: "Table",
                cell: (read) => <span className="font-mono text-xs">{`${read.project}.${read.table}`}</span>,
              },
              {
                header: "Columns read",
                cell: (read) =>
                  read.columnsRead.length > 0 ? plural(read.columnsRead.length, "column") : "the table as a whole",
              },
              { header: "Verdict", cell: (read) => <EffectBadge effect={read.effect} /> },
              { header: "Decided by", cell: (read) => LAYER_NAMES[read.decidedBy] },
              { header: "Why", cell: (read) => read.reason },
              {
                header: "Data leaving the project",
                cell: (read) =>
                  read.protection ? (
                    <span className="grid gap-1">
                      <VerdictBadge verdict={read.protection.verdict} />
                      <span className="text-xs text-slate-600">
                        To {read.protection.destination}: {read.protection.reason}
                      </span>
                    </span>
                  ) : (
                    "Stays"
                  ),
              },
            ]}
          />
        </div>
      ) : null}

      {answer.reads
        .filter((read) => (read.columns ?? []).length > 0)
        .map((read) => (
          <div key={`${read.project}.${read.table}`} className="grid gap-2">
            <h3 className="text-sm font-semibold text-slate-900">
              Columns of <span className="font-mono">{`${read.project}.${read.table}`}</span>
            </h3>
            <StaticTable<ColumnVerdict>
              caption={`Columns of ${read.project}.${read.table}`}
              // Denied columns first: they are what the query's author has to change.
              rows={[...read.columns!].sort((a, b) => Number(a.effect === "Allow") - Number(b.effect === "Allow"))}
              rowKey={(column) => column.name}
              columns={[
                { header: "Column", cell: (column) => <span className="font-mono text-xs">{column.name}</span> },
                { header: "Verdict", cell: (column) => <EffectBadge effect={column.effect} /> },
                { header: "Decided by", cell: (column) => LAYER_NAMES[column.decidedBy] },
                { header: "Why", cell: (column) => column.reason },
              ]}
            />
          </div>
        ))}
    </div>
  );
}
