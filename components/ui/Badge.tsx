import type { ReactNode } from "react";
import { cx } from "./cx";

export type BadgeTone = "neutral" | "accent" | "success" | "warn" | "danger";

const tones: Record<BadgeTone, { badge: string; dot: string }> = {
  neutral: { badge: "bg-slate-100 text-slate-700 ring-slate-200", dot: "bg-slate-400" },
  accent: { badge: "bg-accent-50 text-accent-700 ring-accent-200", dot: "bg-accent-500" },
  success: { badge: "bg-success-50 text-success-700 ring-success-200", dot: "bg-success-500" },
  warn: { badge: "bg-warn-50 text-warn-800 ring-warn-200", dot: "bg-warn-500" },
  danger: { badge: "bg-danger-50 text-danger-700 ring-danger-200", dot: "bg-danger-500" },
};

type BadgeProps = {
  tone?: BadgeTone;
  /** A status dot before the text, for states such as Active / Disabled. */
  dot?: boolean;
  children: ReactNode;
  className?: string;
};

export function Badge({ tone = "neutral", dot = false, children, className }: BadgeProps) {
  const style = tones[tone];
  return (
    <span
      className={cx(
        "inline-flex items-center gap-1.5 rounded-md px-1.5 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset",
        style.badge,
        className,
      )}
    >
      {dot ? <span aria-hidden="true" className={cx("size-1.5 rounded-full", style.dot)} /> : null}
      {children}
    </span>
  );
}
