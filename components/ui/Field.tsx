import { useId, type ReactNode } from "react";
import { cx } from "./cx";
import { Icon } from "./icons";

/** Props a Field hands to its control so label, hint and error are wired up for assistive tech. */
export type ControlProps = {
  id: string;
  "aria-invalid"?: true;
  "aria-describedby"?: string;
};

export type FieldOwnProps = {
  label: ReactNode;
  hint?: ReactNode;
  /** Shown under the control; use fieldError(state, name). */
  error?: string | undefined;
  /** Class for the wrapper (e.g. grid placement); the control keeps its own styles. */
  className?: string;
};

type FieldProps = FieldOwnProps & {
  id?: string;
  required?: boolean;
  children: (control: ControlProps) => ReactNode;
};

export function Field({ label, hint, error, className, id, required, children }: FieldProps) {
  const generatedId = useId();
  const controlId = id ?? generatedId;
  const hintId = hint ? `${controlId}-hint` : undefined;
  const errorId = error ? `${controlId}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(" ") || undefined;

  return (
    <div className={cx("grid gap-1.5", className)}>
      <label htmlFor={controlId} className="text-sm font-medium text-slate-800">
        {label}
        {required ? (
          <span aria-hidden="true" className="ml-0.5 text-danger-600">
            *
          </span>
        ) : null}
      </label>
      {children({ id: controlId, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy })}
      {error ? <FieldMessage id={errorId}>{error}</FieldMessage> : null}
      {hint ? (
        <p id={hintId} className="text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

export function FieldMessage({ id, children }: { id: string | undefined; children: ReactNode }) {
  return (
    <p id={id} className="flex items-start gap-1 text-xs font-medium text-danger-700">
      <Icon name="alert" className="mt-px size-3.5 shrink-0" />
      {children}
    </p>
  );
}
