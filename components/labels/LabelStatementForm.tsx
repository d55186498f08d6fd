"use client";

import { useActionState, useEffect, useRef } from "react";
import { Checkbox } from "@/components/ui/Checkbox";
import { FormError } from "@/components/ui/FormError";
import { Select, type SelectOption } from "@/components/ui/Select";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { TextInput } from "@/components/ui/TextInput";
import { fieldError, fieldValue, type ActionState } from "@/components/ui/action-result";
import { toast } from "@/components/ui/toast";

/** What a label statement's service answers: its statement text, and for CLEAR EXPIRED GRANTS the count. */
export type StatementResult = { statement?: string; cleared?: number } | undefined;
export type LabelStatementAction = (
  state: ActionState<StatementResult>,
  formData: FormData,
) => Promise<ActionState<StatementResult>>;

export interface LabelField {
  name: string;
  label: string;
  kind?: "text" | "number" | "date" | "select";
  options?: readonly SelectOption[];
  hint?: string;
  required?: boolean;
  defaultValue?: string;
  min?: number;
  max?: number;
}

interface LabelStatementFormProps {
  action: LabelStatementAction;
  /** The form's accessible name, e.g. "Set a clearance". */
  name: string;
  hidden: Record<string, string>;
  fields: readonly LabelField[];
  /** Columns offered as checkboxes (name="columns"), e.g. every column of a table for SET LABEL. */
  columnChoices?: readonly { name: string; description: string }[];
  submitLabel: string;
  variant?: "primary" | "secondary" | "danger";
}

/**
 * One LabelSecurity statement as a form: errors at their fields, the submitted values kept after a failure,
 * and the statement the service ran in a toast on success.
 */
export function LabelStatementForm({
  action,
  name,
  hidden,
  fields,
  columnChoices,
  submitLabel,
  variant = "primary",
}: LabelStatementFormProps) {
  const [state, submit] = useActionState(action, null);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (!state?.ok) return;
    const done = state.data?.cleared !== undefined ? `Cleared ${state.data.cleared} expired label grants` : "Done";
    toast(state.data?.statement ?? done, { tone: "success" });
    form.current?.reset();
  }, [state]);
  return (
    <form ref={form} action={submit} className="grid gap-4" aria-label={name}>
      <FormError state={state} />
      {Object.entries(hidden).map(([key, value]) => (
        <input key={key} type="hidden" name={key} value={value} />
      ))}
      {fields.map((field) =>
        field.kind === "select" ? (
          <Select
            key={field.name}
            label={field.label}
            name={field.name}
            hint={field.hint}
            options={field.options ?? []}
            required={field.required}
            error={fieldError(state, field.name)}
            defaultValue={fieldValue(state, field.name, field.defaultValue)}
          />
        ) : (
          <TextInput
            key={field.name}
            label={field.label}
            name={field.name}
            type={field.kind ?? "text"}
            min={field.min}
            max={field.max}
            hint={field.hint}
            required={field.required}
            autoComplete="off"
            error={fieldError(state, field.name)}
            defaultValue={fieldValue(state, field.name, field.defaultValue)}
          />
        ),
      )}
      {columnChoices ? (
        <fieldset className="grid gap-2">
          <legend className="mb-1 text-sm font-medium text-slate-800">Columns (none checked: the table itself)</legend>
          {fieldError(state, "columns") ? (
            <p className="text-sm text-danger-700">{fieldError(state, "columns")}</p>
          ) : null}
          <div className="grid max-h-96 gap-2 overflow-y-auto sm:grid-cols-2 xl:grid-cols-3">
            {columnChoices.map((column) => (
              <Checkbox
                key={column.name}
                name="columns"
                value={column.name}
                label={column.name}
                description={column.description}
              />
            ))}
          </div>
        </fieldset>
      ) : null}
      <div>
        <SubmitButton variant={variant}>{submitLabel}</SubmitButton>
      </div>
    </form>
  );
}
