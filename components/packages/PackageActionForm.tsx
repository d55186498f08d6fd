"use client";

import { useActionState, useEffect, useRef } from "react";
import { FormError } from "@/components/ui/FormError";
import { Select, type SelectOption } from "@/components/ui/Select";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { TextInput } from "@/components/ui/TextInput";
import { fieldError, fieldValue, type ActionState } from "@/components/ui/action-result";
import { toast } from "@/components/ui/toast";

/** One visible field of a package statement's form: a text input, or a select when it has options. */
export interface PackageField {
  name: string;
  label: string;
  hint?: string;
  required?: boolean;
  placeholder?: string;
  defaultValue?: string;
  options?: readonly SelectOption[];
}

type Action = (state: ActionState<unknown>, formData: FormData) => Promise<ActionState<unknown>>;

/**
 * The form of one package statement (CREATE PACKAGE, ADD ... TO PACKAGE, ALLOW PROJECT, INSTALL, GRANT on the
 * package): fixed values travel as hidden fields, each field shows its own error, and a success is toasted.
 */
export function PackageActionForm({
  action,
  label,
  hidden,
  fields,
  submitLabel,
  successMessage,
}: {
  action: Action;
  /** Names the form for assistive technology. */
  label: string;
  hidden: Record<string, string>;
  fields: readonly PackageField[];
  submitLabel: string;
  successMessage: string;
}) {
  const [state, submit] = useActionState(action, null);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.ok) {
      toast(successMessage, { tone: "success" });
      form.current?.reset();
    }
  }, [state, successMessage]);
  return (
    <form ref={form} action={submit} className="grid gap-4" aria-label={label}>
      <FormError state={state} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {fields.map((field) =>
        field.options ? (
          <Select
            key={field.name}
            label={field.label}
            name={field.name}
            hint={field.hint}
            required={field.required}
            options={field.options}
            error={fieldError(state, field.name)}
            defaultValue={fieldValue(state, field.name, field.defaultValue)}
          />
        ) : (
          <TextInput
            key={field.name}
            label={field.label}
            name={field.name}
            hint={field.hint}
            required={field.required}
            placeholder={field.placeholder}
            autoComplete="off"
            error={fieldError(state, field.name)}
            defaultValue={fieldValue(state, field.name, field.defaultValue)}
          />
        ),
      )}
      <div>
        <SubmitButton>{submitLabel}</SubmitButton>
      </div>
    </form>
  );
}
