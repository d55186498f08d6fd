import Link from "next/link";
import type { ReactNode } from "react";
import { cx } from "./cx";
import { EmptyState } from "./EmptyState";
import { Icon } from "./icons";
import { Pagination } from "./Pagination";
import { lastPage, tableHref, type TableParams } from "./table-params";

export type Column<Row> = {
  /** Unique per table; also the sort key, so sortable ids must be listed in parseTableParams' `sortable`. */
  id: string;
  /** Usually text; a control (a select-all checkbox) names itself. */
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  sortable?: boolean;
  align?: "start" | "end";
  /** Applied to header and cells, e.g. "w-40" or "hidden lg:table-cell". */
  className?: string;
};

type DataTableProps<Row> = {
  /** Names the table for screen readers (e.g. "Project members"). */
  caption: string;
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  params: TableParams;
  /** Total rows matching the current search and filters, across all pages. */
  total: number;
  /** Usually a <TableFilter>. */
  toolbar?: ReactNode;
  /** Shown when there is no data at all; a "no matches" state with a Clear link is built in for filtered views. */
  empty?: ReactNode;
  className?: string;
};

/** Server-rendered table whose sorting, paging and filtering all live in the URL (see parseTableParams). */
export function DataTable<Row>({
  caption,
  columns,
  rows,
  rowKey,
  params,
  total,
  toolbar,
  empty,
  className,
}: DataTableProps<Row>) {
  return (
    <div className={cx("rounded-lg border border-slate-200 bg-white shadow-xs", className)}>
      {toolbar ? <div className="border-b border-slate-200 px-4 py-3">{toolbar}</div> : null}
      {rows.length === 0 ? (
        <NoRows params={params} total={total} empty={empty} />
      ) : (
        // Focusable so keyboard users can scroll a table wider than the screen.
        <div
          role="region"
          aria-label={caption}
          tabIndex={0}
          className="overflow-x-auto focus-visible:outline-offset-[-2px]"
        >
          <table className="w-full border-collapse text-left text-sm">
            <caption className="sr-only">{caption}</caption>
            <thead className="border-b border-slate-200 bg-slate-50">
              <tr>
                {columns.map((column) => (
                  <HeaderCell key={column.id} column={column} params={params} />
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((row) => (
                <tr key={rowKey(row)} className="hover:bg-slate-50">
                  {columns.map((column) => (
                    <td
                      key={column.id}
                      className={cx(
                        "px-4 py-2.5 align-middle text-slate-800",
                        alignClass(column.align),
                        column.className,
                      )}
                    >
                      {column.cell(row)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {total > 0 ? (
        <div className="border-t border-slate-200 px-4 py-3">
          <Pagination params={params} total={total} />
        </div>
      ) : null}
    </div>
  );
}

function alignClass(align: Column<unknown>["align"]) {
  return align === "end" ? "text-right tabular-nums" : undefined;
}

function HeaderCell<Row>({ column, params }: { column: Column<Row>; params: TableParams }) {
  const active = column.sortable && params.sort === column.id;
  const className = cx(
    "px-4 py-2 text-xs font-medium whitespace-nowrap text-slate-600",
    alignClass(column.align),
    column.className,
  );
  if (!column.sortable) {
    return (
      <th scope="col" className={className}>
        {column.header}
      </th>
    );
  }
  const nextDir = active && params.dir === "asc" ? "desc" : "asc";
  return (
    <th
      scope="col"
      aria-sort={active ? (params.dir === "asc" ? "ascending" : "descending") : undefined}
      className={className}
    >
      <Link
        href={tableHref(params, { sort: column.id, dir: nextDir, page: 1 })}
        className={cx(
          "group inline-flex items-center gap-1 rounded-sm hover:text-slate-900",
          column.align === "end" && "flex-row-reverse",
          active && "text-slate-900",
        )}
      >
        {column.header}
        <Icon
          name={active ? "chevron-down" : "chevron-up-down"}
          className={cx(
            "size-3.5 shrink-0",
            active ? "text-accent-600" : "text-slate-400 group-hover:text-slate-600",
            active && params.dir === "asc" && "rotate-180",
          )}
        />
      </Link>
    </th>
  );
}

function NoRows({ params, total, empty }: { params: TableParams; total: number; empty: ReactNode }) {
  if (total > 0) {
    const last = lastPage(total, params.pageSize);
    return (
      <EmptyState
        icon="inbox"
        title="This page is empty"
        action={
          <Link href={tableHref(params, { page: last })} className="font-medium text-accent-700 hover:underline">
            Go to the last page
          </Link>
        }
      >
        The list is shorter than it was when this link was made.
      </EmptyState>
    );
  }
  const filtered = params.q !== "" || Object.keys(params.filters).length > 0;
  if (filtered) {
    return (
      <EmptyState
        icon="search"
        title="No matches"
        action={
          <Link
            href={tableHref(params, { q: "", filters: {}, page: 1 })}
            className="font-medium text-accent-700 hover:underline"
          >
            Clear search and filters
          </Link>
        }
      >
        Nothing matches the current search and filters. Try a shorter search term or remove a filter.
      </EmptyState>
    );
  }
  return empty ?? <EmptyState title="Nothing here yet" />;
}
