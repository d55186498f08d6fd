import Link from "next/link";
import { useId, type ReactNode } from "react";
import { cx } from "./cx";
import { Icon } from "./icons";
import { lastPage, tableHref, type TableParams } from "./table-params";

type PaginationProps = {
  params: TableParams;
  total: number;
  className?: string;
};

const number = new Intl.NumberFormat("en-US");

/** "Showing 51–100 of 10,000", Previous/Next and rows-per-page. Plain links, so it works without JS. */
export function Pagination({ params, total, className }: PaginationProps) {
  const rowsPerPageId = useId();
  const last = lastPage(total, params.pageSize);
  const beyondEnd = params.page > last;
  const prevPage = beyondEnd ? last : params.page - 1;

  return (
    <nav
      aria-label="Pagination"
      className={cx("flex flex-wrap items-center justify-between gap-x-6 gap-y-3 text-xs text-slate-600", className)}
    >
      <p className="tabular-nums" aria-live="polite">
        {beyondEnd
          ? `Page ${number.format(params.page)} is past the end; there ${last === 1 ? "is 1 page" : `are ${number.format(last)} pages`}.`
          : `Showing ${number.format(params.offset + 1)}–${number.format(Math.min(params.offset + params.pageSize, total))} of ${number.format(total)}`}
      </p>

      <div className="flex flex-wrap items-center gap-x-6 gap-y-3">
        <div className="flex items-center gap-2">
          <span id={rowsPerPageId}>Rows per page</span>
          <ul aria-labelledby={rowsPerPageId} className="flex gap-1">
            {params.pageSizes.map((size) => (
              <li key={size}>
                <Link
                  // Keep the first visible row on screen when the page size changes.
                  href={tableHref(params, { pageSize: size, page: Math.floor(params.offset / size) + 1 })}
                  aria-current={size === params.pageSize ? "true" : undefined}
                  className={cx(
                    "inline-flex h-7 min-w-8 items-center justify-center rounded-md px-1.5 tabular-nums",
                    size === params.pageSize
                      ? "bg-slate-900 font-semibold text-white"
                      : "text-slate-700 hover:bg-slate-100",
                  )}
                >
                  {size}
                </Link>
              </li>
            ))}
          </ul>
        </div>

        <div className="flex items-center gap-2">
          <PagerLink href={prevPage >= 1 ? tableHref(params, { page: prevPage }) : null} rel="prev">
            <Icon name="chevron" className="size-3.5 rotate-180" />
            Previous
          </PagerLink>
          <span className="tabular-nums">
            Page {number.format(params.page)} of {number.format(last)}
          </span>
          <PagerLink href={params.page < last ? tableHref(params, { page: params.page + 1 }) : null} rel="next">
            Next
            <Icon name="chevron" className="size-3.5" />
          </PagerLink>
        </div>
      </div>
    </nav>
  );
}

function PagerLink({ href, rel, children }: { href: string | null; rel: "prev" | "next"; children: ReactNode }) {
  const shape = "inline-flex h-8 items-center gap-1 rounded-md border px-2.5 text-xs font-medium";
  if (href === null) {
    // An <a> without href is an unfocusable placeholder that keeps the layout identical to the live link.
    return (
      <a aria-disabled="true" className={cx(shape, "border-slate-200 text-slate-500")}>
        {children}
      </a>
    );
  }
  return (
    <Link
      href={href}
      rel={rel}
      className={cx(shape, "border-slate-300 bg-white text-slate-700 shadow-xs hover:bg-slate-50")}
    >
      {children}
    </Link>
  );
}
