import Link from "next/link";
import type { ReactNode } from "react";
import { cx } from "./cx";
import { Icon } from "./icons";

export type Breadcrumb = { label: string; href: string };

type PageHeaderProps = {
  title: ReactNode;
  description?: ReactNode;
  /** Primary page actions, right-aligned on wide screens. */
  actions?: ReactNode;
  /** Ancestor pages, outermost first. The current page is the title, so it is not repeated here. */
  breadcrumbs?: readonly Breadcrumb[];
  className?: string;
};

export function PageHeader({ title, description, actions, breadcrumbs, className }: PageHeaderProps) {
  return (
    <header className={cx("mb-6 grid gap-2", className)}>
      {breadcrumbs && breadcrumbs.length > 0 ? <Breadcrumbs items={breadcrumbs} /> : null}
      <div className="flex flex-wrap items-start justify-between gap-x-6 gap-y-3">
        <div className="grid min-w-0 gap-1">
          <h1 className="text-xl font-semibold tracking-tight text-slate-900">{title}</h1>
          {description ? <p className="max-w-3xl text-sm text-slate-600">{description}</p> : null}
        </div>
        {actions ? <div className="flex shrink-0 flex-wrap items-center gap-2">{actions}</div> : null}
      </div>
    </header>
  );
}

function Breadcrumbs({ items }: { items: readonly Breadcrumb[] }) {
  return (
    <nav aria-label="Breadcrumb">
      <ol className="flex flex-wrap items-center gap-1 text-xs text-slate-500">
        {items.map((item) => (
          <li key={item.href} className="flex items-center gap-1">
            <Link href={item.href} className="rounded-sm hover:text-slate-900 hover:underline">
              {item.label}
            </Link>
            <Icon name="chevron" className="size-3 text-slate-400" />
          </li>
        ))}
      </ol>
    </nav>
  );
}
