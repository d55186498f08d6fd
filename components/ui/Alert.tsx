import type { ReactNode } from "react";
import { cx } from "./cx";
import { Icon, type IconName } from "./icons";

export type AlertTone = "info" | "success" | "warn" | "danger";

const tones: Record<AlertTone, { box: string; icon: IconName; iconClass: string }> = {
  info: { box: "border-accent-200 bg-accent-50 text-accent-900", icon: "info", iconClass: "text-accent-600" },
  success: { box: "border-success-200 bg-success-50 text-success-900", icon: "check", iconClass: "text-success-600" },
  warn: { box: "border-warn-300 bg-warn-50 text-warn-900", icon: "alert", iconClass: "text-warn-600" },
  danger: { box: "border-danger-200 bg-danger-50 text-danger-900", icon: "alert", iconClass: "text-danger-600" },
};

type AlertProps = {
  tone?: AlertTone;
  title?: ReactNode;
  children?: ReactNode;
  /** Buttons or links, placed after the text. */
  action?: ReactNode;
  /** "alert" for messages that appear in response to something the user did; omit for static callouts. */
  role?: "alert" | "status";
  className?: string;
};

/** A callout box: static guidance on a page, or (with role) a message that appears after an action. */
export function Alert({ tone = "info", title, children, action, role, className }: AlertProps) {
  const style = tones[tone];
  return (
    <div role={role} className={cx("flex gap-3 rounded-lg border px-4 py-3 text-sm", style.box, className)}>
      <Icon name={style.icon} className={cx("mt-0.5 size-4 shrink-0", style.iconClass)} />
      <div className="grid min-w-0 flex-1 gap-1">
        {title ? <p className="font-semibold">{title}</p> : null}
        {children ? <div className="leading-relaxed">{children}</div> : null}
        {action ? <div className="mt-1 flex flex-wrap gap-2">{action}</div> : null}
      </div>
    </div>
  );
}
