import type { ComponentProps } from "react";
import { cx } from "./cx";
import { Field, type FieldOwnProps } from "./Field";
import { controlClasses } from "./field-styles";

export type TextInputProps = FieldOwnProps &
  Omit<ComponentProps<"input">, "className" | "children"> & {
    inputClassName?: string;
  };

/** Labelled text input. Pass defaultValue={fieldValue(state, name)} so a failed submission keeps what was typed. */
export function TextInput({
  label,
  hint,
  error,
  className,
  inputClassName,
  id,
  required,
  type = "text",
  ...rest
}: TextInputProps) {
  return (
    <Field label={label} hint={hint} error={error} className={className} id={id} required={required}>
      {(control) => (
        <input
          type={type}
          required={required}
          className={controlClasses(cx("h-9", inputClassName))}
          {...control}
          {...rest}
        />
      )}
    </Field>
  );
}
