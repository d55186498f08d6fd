import { useId, type ComponentProps, type ReactNode } from "react";
import { cx } from "./cx";
import { FieldMessage } from "./Field";

export type ToggleProps = Omit<ComponentProps<"input">, "type" | "className" | "children"> & {
  label: ReactNode;
  /** A sentence saying what turning this on does. */
  description?: ReactNode;
  error?: string | undefined;
  className?: string;
};

/**
 * A native checkbox with label and description. Unchecked boxes are absent from FormData,
 * so read it on the server as formData.get(name) === "on" (or the value you set).
 */
export function Checkbox({ label, description, error, className, id, ...rest }: ToggleProps) {
  const generatedId = useId();
  const inputId = id ?? generatedId;
  const { describedBy, messages } = toggleMessages(inputId, description, error);
  return (
    <div className={cx("flex gap-3", className)}>
      <input
        id={inputId}
        type="checkbox"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className="mt-0.5 size-4 shrink-0 rounded accent-accent-600 disabled:cursor-not-allowed"
        {...rest}
      />
      <div className="grid gap-0.5">
        <label htmlFor={inputId} className="text-sm font-medium text-slate-800">
          {label}
        </label>
        {messages}
      </div>
    </div>
  );
}

/** The description and error under a checkbox-like control, plus the aria-describedby that points at them. */
export function toggleMessages(inputId: string, description: ReactNode, error: string | undefined) {
  const descriptionId = description ? `${inputId}-description` : undefined;
  const errorId = error ? `${inputId}-error` : undefined;
  return {
    describedBy: [errorId, descriptionId].filter(Boolean).join(" ") || undefined,
    messages: (
      <>
        {description ? (
          <p id={descriptionId} className="text-xs text-slate-500">
            {description}
          </p>
        ) : null}
        {error ? <FieldMessage id={errorId}>{error}</FieldMessage> : null}
      </>
    ),
  };
}
