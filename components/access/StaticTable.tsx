import type { ReactNode } from "react";
import { cx } from "@/components/ui/cx";

export type StaticColumn<Row> = {
  header: string;
  cell: (row: Row) => ReactNode;
  className?: string;
};

/** A short, complete table (no paging or sorting): decision steps, per-column verdicts, label grants. */
export function StaticTable<Row>({
  caption,
  columns,
  rows,
  rowKey,
  className,
}: {
  caption: string;
  columns: readonly StaticColumn<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  className?: string;
}) {
  return (
    <div
      role="region"
      aria-label={caption}
      tabIndex={0}
      className={cx("overflow-x-auto focus-visible:outline-offset-[-2px]", className)}
    >
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-slate-200 bg-slate-50">
          <tr>
            {columns.map((column) => (
              <th
                key={column.header}
                scope="col"
                className={cx("px-4 py-2 text-xs font-medium whitespace-nowrap text-slate-600", column.className)}
              >
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((column) => (
                <td key={column.header} className={cx("px-4 py-2.5 align-top text-slate-800", column.className)}>
                  {column.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
