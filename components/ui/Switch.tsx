import { useId } from "react";
import { toggleMessages, type ToggleProps } from "./Checkbox";
import { cx } from "./cx";

/** An on/off setting that takes effect when the form is submitted. Same FormData semantics as Checkbox. */
export function Switch({ label, description, error, className, id, ...rest }: ToggleProps) {
  const generatedId = useId();
  const inputId = id ?? generatedId;
  const { describedBy, messages } = toggleMessages(inputId, description, error);
  return (
    <div className={cx("flex items-start justify-between gap-4", className)}>
      <div className="grid gap-0.5">
        <label htmlFor={inputId} className="text-sm font-medium text-slate-800">
          {label}
        </label>
        {messages}
      </div>
      <label className="relative inline-flex shrink-0 cursor-pointer has-disabled:cursor-not-allowed has-disabled:opacity-50">
        <input
          id={inputId}
          type="checkbox"
          role="switch"
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          className="peer sr-only"
          {...rest}
        />
        <span
          aria-hidden="true"
          className={cx(
            "h-5 w-9 rounded-full bg-slate-300 transition-colors peer-checked:bg-accent-600",
            "peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-accent-600",
          )}
        />
        <span
          aria-hidden="true"
          className="absolute top-0.5 left-0.5 size-4 rounded-full bg-white shadow-sm transition-transform peer-checked:translate-x-4"
        />
      </label>
    </div>
  );
}
