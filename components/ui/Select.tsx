import type { ComponentProps } from "react";
import { cx } from "./cx";
import { Field, type FieldOwnProps } from "./Field";
import { controlClasses } from "./field-styles";
import { Icon } from "./icons";

export type SelectOption = { value: string; label: string; disabled?: boolean };

type SelectProps = FieldOwnProps &
  Omit<ComponentProps<"select">, "className" | "children" | "multiple"> & {
    options: readonly SelectOption[];
    /** Adds a first, empty option (value "") such as "Choose a role…". */
    placeholder?: string;
  };

export function Select({ label, hint, error, className, id, required, options, placeholder, ...rest }: SelectProps) {
  return (
    <Field label={label} hint={hint} error={error} className={className} id={id} required={required}>
      {(control) => (
        <NativeSelect options={options} placeholder={placeholder} required={required} {...control} {...rest} />
      )}
    </Field>
  );
}

/** The styled <select> without a Field, for places that label it themselves (e.g. table filters). */
export function NativeSelect({
  options,
  placeholder,
  className,
  ...rest
}: Omit<ComponentProps<"select">, "children" | "multiple"> & {
  options: readonly SelectOption[];
  placeholder?: string;
}) {
  return (
    <span className={cx("relative block", className)}>
      <select className={controlClasses("h-9 appearance-none pr-8")} {...rest}>
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value} disabled={option.disabled}>
            {option.label}
          </option>
        ))}
      </select>
      <Icon
        name="chevron-down"
        className="pointer-events-none absolute top-1/2 right-2.5 size-4 -translate-y-1/2 text-slate-500"
      />
    </span>
  );
}
