"use client";

import Form from "next/form";
import { useState } from "react";
import type { Privilege } from "@/lib/authz";
import { Button } from "@/components/ui/Button";
import { Field } from "@/components/ui/Field";
import { Select } from "@/components/ui/Select";
import { SuggestInput } from "@/components/ui/SuggestInput";
import { TextInput } from "@/components/ui/TextInput";
import { useObjectPick } from "./use-object-pick";

export interface WhoCanAccessValues {
  objectType: "Table" | "View";
  objectName: string;
  column: string;
  privilege: string;
}

const TYPES = [
  { value: "Table", label: "Table" },
  { value: "View", label: "View" },
];

/**
 * Which table (or column) and privilege: a GET form. The name is typed with suggestions; the column choices are
 * fetched for the table named, or typed when the catalog will not describe it.
 */
export function WhoCanAccessForm({
  project,
  privileges,
  initial,
  errors,
}: {
  project: string;
  privileges: readonly Privilege[];
  initial: WhoCanAccessValues;
  errors: Partial<Record<keyof WhoCanAccessValues, string>>;
}) {
  const [type, setType] = useState(initial.objectType);
  const { objectName, columns, nameInput, clear } = useObjectPick(project, type, initial.objectName);
  function chooseType(next: WhoCanAccessValues["objectType"]) {
    setType(next);
    clear();
  }
  const sameObject =
    type === initial.objectType && objectName.trim().toLowerCase() === initial.objectName.toLowerCase();
  return (
    <Form
      action="/effective-permissions"
      aria-label="Who can access"
      className="grid items-end gap-3 sm:grid-cols-[8rem_repeat(3,minmax(0,1fr))_auto]"
    >
      <input type="hidden" name="project" value={project} />
      <input type="hidden" name="view" value="object" />
      <Select
        label="Type"
        name="objectType"
        value={type}
        onChange={(event) => chooseType(event.target.value === "View" ? "View" : "Table")}
        options={TYPES}
        error={errors.objectType}
      />
      <Field label="Table or view" required error={errors.objectName}>
        {(control) => <SuggestInput {...control} key={type} {...nameInput} />}
      </Field>
      {columns.status === "unavailable" ? (
        <TextInput
          label="Column"
          name="column"
          defaultValue={initial.column}
          placeholder="Every column"
          error={errors.column}
          spellCheck={false}
        />
      ) : (
        <Select
          key={columns.status === "ready" ? columns.name : ""}
          label="Column"
          name="column"
          defaultValue={sameObject ? initial.column.toLowerCase() : ""}
          placeholder="Every column"
          options={(columns.status === "ready" ? columns.columns : []).map((column) => ({
            value: column.name,
            label: column.label > 0 ? `${column.name} (label ${column.label})` : column.name,
          }))}
          error={errors.column}
        />
      )}
      <Select
        label="Privilege"
        name="privilege"
        defaultValue={initial.privilege}
        options={privileges.map((value) => ({ value, label: value }))}
        error={errors.privilege}
      />
      <Button type="submit" variant="primary">
        Show who can
      </Button>
    </Form>
  );
}
