import type { ReactNode } from "react";
import { cx } from "./cx";

export type KeyValueItem = { label: ReactNode; value: ReactNode };

type KeyValueProps = {
  items: readonly KeyValueItem[];
  /** Two columns suit wide detail pages; one suits cards and dialogs. */
  columns?: 1 | 2;
  className?: string;
};

/** Read-only details as a description list. Empty values render as an em dash rather than a blank. */
export function KeyValue({ items, columns = 1, className }: KeyValueProps) {
  return (
    <dl className={cx("grid gap-x-8 gap-y-3 text-sm", columns === 2 && "sm:grid-cols-2", className)}>
      {items.map((item, index) => (
        <div key={index} className="grid grid-cols-[minmax(7rem,11rem)_1fr] gap-3">
          <dt className="text-slate-500">{item.label}</dt>
          <dd className="min-w-0 break-words text-slate-900">
            {item.value === null || item.value === undefined || item.value === "" ? (
              <span className="text-slate-500">
                —<span className="sr-only">none</span>
              </span>
            ) : (
              item.value
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}
