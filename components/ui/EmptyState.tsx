import type { ReactNode } from "react";
import { cx } from "./cx";
import { Icon, type IconName } from "./icons";

type EmptyStateProps = {
  icon?: IconName;
  title: ReactNode;
  /** What the user can do next, e.g. "Create a project to start granting access." */
  children?: ReactNode;
  action?: ReactNode;
  className?: string;
};

export function EmptyState({ icon = "inbox", title, children, action, className }: EmptyStateProps) {
  return (
    <div className={cx("flex flex-col items-center px-6 py-12 text-center", className)}>
      <span className="mb-3 flex size-10 items-center justify-center rounded-full bg-slate-100 text-slate-500">
        <Icon name={icon} className="size-5" />
      </span>
      <p className="text-sm font-semibold text-slate-900">{title}</p>
      {children ? <div className="mt-1 max-w-md text-sm text-slate-600">{children}</div> : null}
      {action ? <div className="mt-4 flex flex-wrap justify-center gap-2">{action}</div> : null}
    </div>
  );
}
