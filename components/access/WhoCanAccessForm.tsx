"use client";

import Form from "next/form";
import { useState } from "react";
import type { Privilege } from "@/lib/authz";
import type { InspectableObject } from "@/lib/services/access/inspection-options";
import { Button } from "@/components/ui/Button";
import { Select } from "@/components/ui/Select";
import { objectKey } from "./object-key";

export interface WhoCanAccessValues {
  /** `<type>:<name>` of a table or view. */
  object: string;
  column: string;
  privilege: string;
}

/** Which table (or column) and privilege: a GET form; with JavaScript the column list follows the table. */
export function WhoCanAccessForm({ project, objects, privileges, initial, errors }: {
  project: string;
  /** Tables and views. */
  objects: InspectableObject[];
  privileges: readonly Privilege[];
  initial: WhoCanAccessValues;
  errors: Partial<Record<keyof WhoCanAccessValues, string>>;
}) {
  const [chosen, setChosen] = useState(initial.object);
  const object = objects.find((candidate) => objectKey(candidate) === chosen);
  return (
    <Form action="/effective-permissions" aria-label="Who can access" className="grid items-end gap-3 sm:grid-cols-[repeat(3,minmax(0,1fr))_auto]">
      <input type="hidden" name="project" value={project} />
      <input type="hidden" name="view" value="object" />
      <Select
        label="Table or view"
        name="object"
        value={chosen}
        onChange={(event) => setChosen(event.target.value)}
        options={objects.map((candidate) => ({ value: objectKey(candidate), label: `${candidate.name} (${candidate.type.toLowerCase()})` }))}
        error={errors.object}
      />
      <Select
        key={chosen}
        label="Column"
        name="column"
        defaultValue={chosen === initial.object ? initial.column : ""}
        placeholder="Every column"
        options={(object?.columns ?? []).map((column) => ({ value: column.name, label: column.label > 0 ? `${column.name} (label ${column.label})` : column.name }))}
        error={errors.column}
      />
      <Select label="Privilege" name="privilege" defaultValue={initial.privilege} options={privileges.map((value) => ({ value, label: value }))} error={errors.privilege} />
      <Button type="submit" variant="primary">
        Show who can
      </Button>
    </Form>
  );
}
