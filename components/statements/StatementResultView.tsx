import Link from "next/link";
import type { Cell, StatementRun } from "@/lib/statements/result";

const cellText = (cell: Cell) => (cell === null ? "—" : String(cell));

/** One statement's result: a query's rows as a table, or a change's OK with the page that shows it. */
export function StatementResultView({ run }: { run: StatementRun }) {
  const { result } = run;
  return (
    <section
      className="rounded-lg border border-slate-200 bg-white shadow-xs"
      aria-label={`Result of ${run.statement.slice(0, 80)}`}
    >
      <header className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-200 px-4 py-2">
        <code className="font-mono text-xs break-all text-slate-700">{run.statement}</code>
        {"message" in result ? (
          <span className="flex items-center gap-3 text-sm">
            <span className="font-medium text-success-700">{result.message}</span>
            {result.detail ? <span className="text-slate-500">{result.detail}</span> : null}
            <Link href={result.href} className="text-accent-700 underline">
              Open the page
            </Link>
          </span>
        ) : result.href ? (
          <Link href={result.href} className="text-sm text-accent-700 underline">
            {result.total !== undefined ? `All ${result.total} on the page` : "Open the page"}
          </Link>
        ) : null}
      </header>
      {"columns" in result ? (
        result.rows.length === 0 ? (
          <p className="px-4 py-3 text-sm text-slate-500">No rows.</p>
        ) : (
          <div
            className="max-h-96 overflow-auto"
            tabIndex={0}
            role="region"
            aria-label={`Rows of ${run.statement.slice(0, 80)}`}
          >
            <table className="w-full border-collapse text-left text-sm">
              <caption className="sr-only">{run.statement}</caption>
              <thead className="sticky top-0 border-b border-slate-200 bg-slate-50">
                <tr>
                  {result.columns.map((column) => (
                    <th key={column} scope="col" className="px-4 py-2 text-xs font-semibold text-slate-600">
                      {column}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {result.rows.map((row, index) => (
                  <tr key={index}>
                    {row.map((cell, column) => (
                      <td
                        key={column}
                        className="max-w-md px-4 py-1.5 align-top break-words whitespace-pre-wrap text-slate-800"
                      >
                        {cellText(cell)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      ) : null}
    </section>
  );
}
