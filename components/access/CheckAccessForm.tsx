"use client";

import Form from "next/form";
import { useState } from "react";
import type { ObjectType, Privilege } from "@/lib/authz";
import { Button } from "@/components/ui/Button";
import { Field, FieldMessage } from "@/components/ui/Field";
import { controlClasses } from "@/components/ui/field-styles";
import { Select } from "@/components/ui/Select";
import { SuggestInput } from "@/components/ui/SuggestInput";
import { TextInput } from "@/components/ui/TextInput";
import { useObjectPick } from "./use-object-pick";

export interface CheckAccessValues {
  principal: string;
  objectType: ObjectType;
  objectName: string;
  columns: string[];
  action: string;
  sourceIp: string;
  time: string;
  targetProject: string;
}

type CheckAccessFormProps = {
  project: string;
  /** Administrators may name anyone (with suggestions); everyone else checks only `self`. */
  mayInspectOthers: boolean;
  self: string;
  /** The object types offered, each with the privileges it has. */
  actionsByType: Partial<Record<ObjectType, readonly Privilege[]>>;
  initial: CheckAccessValues;
  errors: Partial<Record<keyof CheckAccessValues, string>>;
};

const isColumnRead = (type: ObjectType, action: string) =>
  (type === "Table" || type === "View") && (action === "Select" || action === "Download");

/**
 * The check-access question as a GET form (linkable, and it works without JavaScript). Names are typed, with
 * suggestions from the server; the column choices are fetched for the table or view named, or typed when the
 * catalog will not describe it. The privilege choices follow the type.
 */
export function CheckAccessForm({
  project,
  mayInspectOthers,
  self,
  actionsByType,
  initial,
  errors,
}: CheckAccessFormProps) {
  const [type, setType] = useState<ObjectType>(initial.objectType);
  const [action, setAction] = useState(initial.action);
  const [columnFilter, setColumnFilter] = useState("");
  const { objectName, columns, nameInput, clear } = useObjectPick(project, type, initial.objectName);
  const object = columns.status === "ready" && columns.columns.length > 0 ? columns : null;
  const actions = actionsByType[type] ?? [];

  function chooseType(next: ObjectType) {
    setType(next);
    clear();
    const nextActions = actionsByType[next] ?? [];
    if (!nextActions.includes(action as Privilege))
      setAction(nextActions.includes("Select") ? "Select" : (nextActions[0] ?? ""));
  }

  return (
    <Form action="/check-access" className="grid gap-4" aria-label="Check access">
      <input type="hidden" name="project" value={project} />
      <Field
        label="Principal"
        required
        error={errors.principal}
        hint="A member, or any email or principal name such as RAM$wonderland:allen."
      >
        {(control) =>
          mayInspectOthers ? (
            <SuggestInput
              {...control}
              name="principal"
              required
              project={project}
              source={{ kind: "member" }}
              defaultValue={initial.principal}
            />
          ) : (
            <input
              {...control}
              name="principal"
              readOnly
              value={self}
              className={controlClasses("h-9 bg-slate-50 font-mono")}
            />
          )
        }
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Select
          label="Object type"
          name="objectType"
          value={type}
          onChange={(event) => chooseType(event.target.value as ObjectType)}
          options={Object.keys(actionsByType).map((value) => ({ value, label: value }))}
          error={errors.objectType}
        />
        {type === "Project" ? (
          <Field label="Object">
            {(control) => (
              <input
                {...control}
                readOnly
                value={`${project} (the project itself)`}
                className={controlClasses("h-9 bg-slate-50")}
              />
            )}
          </Field>
        ) : (
          <Field label="Object" error={errors.objectName}>
            {(control) => <SuggestInput {...control} key={type} {...nameInput} />}
          </Field>
        )}
      </div>
      <Select
        label="Action"
        name="action"
        value={action}
        onChange={(event) => setAction(event.target.value)}
        options={actions.map((value) => ({ value, label: value }))}
        error={errors.action}
      />
      {columns.status === "unavailable" && isColumnRead(type, action) ? (
        <TextInput
          label="Columns"
          name="columns"
          defaultValue={initial.columns.join(", ")}
          error={errors.columns}
          hint={`Comma-separated; leave empty to read every column. The catalog does not describe ${objectName.trim()} to you.`}
          spellCheck={false}
        />
      ) : null}
      {object ? (
        <fieldset
          className="grid gap-2"
          disabled={!isColumnRead(type, action)}
          aria-describedby={errors.columns ? "columns-error" : undefined}
        >
          <legend className="text-sm font-medium text-slate-800">Columns</legend>
          <p className="text-xs text-slate-500">
            {isColumnRead(type, action)
              ? `Leave all unchecked to read every column of ${object.name}. A label above 0 marks sensitive data.`
              : "Columns apply only to Select and Download."}
          </p>
          <input
            type="search"
            aria-label="Filter columns"
            placeholder="Filter columns"
            value={columnFilter}
            onChange={(event) => setColumnFilter(event.target.value)}
            className={controlClasses("h-8 max-w-xs text-xs")}
          />
          {/* Keyed by object so the boxes start from the URL's choice only for the object it named. */}
          <div
            key={object.name}
            className="grid max-h-56 grid-cols-2 gap-x-4 gap-y-1 overflow-y-auto rounded-md border border-slate-200 p-3"
          >
            {object.columns.map((column) => (
              <label
                key={column.name}
                hidden={columnFilter !== "" && !column.name.includes(columnFilter.toLowerCase())}
                className="flex items-center gap-2 text-sm text-slate-800"
              >
                <input
                  type="checkbox"
                  name="columns"
                  value={column.name}
                  defaultChecked={
                    object.name === initial.objectName.toLowerCase() && initial.columns.includes(column.name)
                  }
                  className="size-4 shrink-0 rounded accent-accent-600"
                />
                <span className="truncate font-mono text-xs">{column.name}</span>
                {column.label > 0 ? (
                  <span className="rounded bg-warn-50 px-1 text-[11px] font-medium text-warn-800 ring-1 ring-warn-200 ring-inset">
                    <span aria-hidden="true">L{column.label}</span>
                    <span className="sr-only">(label {column.label})</span>
                  </span>
                ) : null}
              </label>
            ))}
          </div>
          {errors.columns ? <FieldMessage id="columns-error">{errors.columns}</FieldMessage> : null}
        </fieldset>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextInput
          label="Source IP"
          name="sourceIp"
          defaultValue={initial.sourceIp}
          error={errors.sourceIp}
          hint="Defaults to your own address."
          spellCheck={false}
        />
        <TextInput
          label="Time"
          name="time"
          defaultValue={initial.time}
          placeholder="now"
          error={errors.time}
          hint="ISO 8601, e.g. 2025-06-01T09:00:00Z."
          spellCheck={false}
        />
        <TextInput
          className="sm:col-span-2"
          label="Destination project"
          name="targetProject"
          defaultValue={initial.targetProject}
          error={errors.targetProject}
          hint="Only when data leaves the project (ProjectProtection)."
          spellCheck={false}
        />
      </div>
      <div>
        <Button type="submit" variant="primary">
          Check access
        </Button>
      </div>
    </Form>
  );
}
