import type { ComponentProps } from "react";
import { Field, type FieldOwnProps } from "./Field";
import { controlClasses } from "./field-styles";

type TextareaProps = FieldOwnProps & Omit<ComponentProps<"textarea">, "className" | "children">;

export function Textarea({ label, hint, error, className, id, required, rows = 4, ...rest }: TextareaProps) {
  return (
    <Field label={label} hint={hint} error={error} className={className} id={id} required={required}>
      {(control) => (
        <textarea rows={rows} required={required} className={controlClasses("resize-y py-2")} {...control} {...rest} />
      )}
    </Field>
  );
}
