import { useId, type ReactNode } from "react";
import { cx } from "./cx";

type CardProps = {
  title?: ReactNode;
  description?: ReactNode;
  /** Buttons or links shown at the right of the card header. */
  actions?: ReactNode;
  footer?: ReactNode;
  /** Set false for edge-to-edge content such as a table. */
  padded?: boolean;
  children?: ReactNode;
  className?: string;
};

export function Card({ title, description, actions, footer, padded = true, children, className }: CardProps) {
  const titleId = useId();
  const hasHeader = Boolean(title || description || actions);
  return (
    <section
      aria-labelledby={title ? titleId : undefined}
      className={cx("rounded-lg border border-slate-200 bg-white shadow-xs", className)}
    >
      {hasHeader ? (
        <header className="flex flex-wrap items-start justify-between gap-3 border-b border-slate-200 px-5 py-4">
          <div className="grid min-w-0 gap-1">
            {title ? (
              <h2 id={titleId} className="text-base font-semibold text-slate-900">
                {title}
              </h2>
            ) : null}
            {description ? <p className="text-sm text-slate-600">{description}</p> : null}
          </div>
          {actions ? <div className="flex shrink-0 flex-wrap items-center gap-2">{actions}</div> : null}
        </header>
      ) : null}
      {children ? <div className={padded ? "px-5 py-4" : undefined}>{children}</div> : null}
      {footer ? (
        <footer className="flex flex-wrap items-center justify-end gap-2 rounded-b-lg border-t border-slate-200 bg-slate-50 px-5 py-3">
          {footer}
        </footer>
      ) : null}
    </section>
  );
}
