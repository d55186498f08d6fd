import Link from "next/link";
import { cx } from "./cx";

export type TabItem = { href: string; label: string; count?: number };

type TabsProps = {
  items: readonly TabItem[];
  /** href of the tab for the current page. */
  current: string;
  /** Names the navigation landmark, e.g. "Project sections". */
  label: string;
  className?: string;
};

/**
 * Tabs that are links to sub-pages (or ?tab= URLs). Deliberately a <nav> with aria-current rather than
 * role="tablist": each tab is a navigation, so links keep working without JS and open in new tabs.
 */
export function Tabs({ items, current, label, className }: TabsProps) {
  return (
    <nav aria-label={label} className={cx("mb-6 border-b border-slate-200", className)}>
      <ul className="-mb-px flex gap-1 overflow-x-auto">
        {items.map((item) => {
          const active = item.href === current;
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={active ? "page" : undefined}
                className={cx(
                  "flex items-center gap-2 border-b-2 px-3 py-2 text-sm font-medium whitespace-nowrap",
                  active
                    ? "border-accent-600 text-accent-700"
                    : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900",
                )}
              >
                {item.label}
                {item.count !== undefined ? (
                  <span
                    className={cx(
                      "rounded-full px-1.5 text-xs tabular-nums",
                      active ? "bg-accent-100 text-accent-700" : "bg-slate-100 text-slate-600",
                    )}
                  >
                    {item.count.toLocaleString("en-US")}
                  </span>
                ) : null}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
