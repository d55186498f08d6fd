"use client";

import { useState } from "react";
import { Field } from "./Field";
import { controlClasses } from "./field-styles";
import type { TextInputProps } from "./TextInput";
import { cx } from "./cx";

type PasswordInputProps = Omit<TextInputProps, "type">;

/** Password field with a Show/Hide toggle. Never pass a defaultValue: passwords are not echoed back. */
export function PasswordInput({
  label,
  hint,
  error,
  className,
  inputClassName,
  id,
  required,
  autoComplete = "current-password",
  ...rest
}: PasswordInputProps) {
  const [visible, setVisible] = useState(false);
  return (
    <Field label={label} hint={hint} error={error} className={className} id={id} required={required}>
      {(control) => (
        <div className="relative">
          <input
            type={visible ? "text" : "password"}
            required={required}
            autoComplete={autoComplete}
            spellCheck={false}
            autoCapitalize="none"
            className={controlClasses(cx("h-9 pr-16", inputClassName))}
            {...control}
            {...rest}
          />
          <button
            type="button"
            onClick={() => setVisible((v) => !v)}
            aria-controls={control.id}
            aria-pressed={visible}
            className="absolute inset-y-1 right-1 w-14 rounded px-2 text-xs font-medium text-slate-600 hover:bg-slate-100 hover:text-slate-900"
          >
            {visible ? "Hide" : "Show"}
            <span className="sr-only"> password</span>
          </button>
        </div>
      )}
    </Field>
  );
}
