import { useId, type ReactNode } from "react";
import { buttonClasses, type ButtonSize, type ButtonVariant } from "./Button";
import { cx } from "./cx";
import { Icon } from "./icons";

type DisabledReasonProps = {
  /** The action's label, as it would appear if it were allowed. */
  children: ReactNode;
  /** Why it is not allowed and what would change that, e.g. "Only Project Owners can delete a project." */
  reason: ReactNode;
  variant?: ButtonVariant;
  size?: ButtonSize;
  className?: string;
};

/**
 * An action the user may not take, shown disabled next to the reason. It uses aria-disabled rather than
 * disabled so it stays focusable and screen readers announce the reason as its description.
 */
export function DisabledReason({ children, reason, variant = "secondary", size, className }: DisabledReasonProps) {
  const reasonId = useId();
  return (
    <span className={cx("inline-flex flex-wrap items-center gap-x-2 gap-y-1", className)}>
      <button type="button" aria-disabled="true" aria-describedby={reasonId} className={buttonClasses(variant, size)}>
        {children}
      </button>
      <span id={reasonId} className="inline-flex items-center gap-1 text-xs text-slate-500">
        <Icon name="lock" className="size-3.5 shrink-0" />
        {reason}
      </span>
    </span>
  );
}
