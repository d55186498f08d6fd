"use client";

import { useActionState, useEffect, useState } from "react";
import { FormError } from "@/components/ui/FormError";
import { Select } from "@/components/ui/Select";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { TextInput } from "@/components/ui/TextInput";
import { Textarea } from "@/components/ui/Textarea";
import { fieldError, fieldValue } from "@/components/ui/action-result";
import { toast } from "@/components/ui/toast";
import { CATALOG_TYPES, DEFINITION_LABEL, hasColumns, type CatalogType } from "@/lib/catalog/object-spec";
import type { CatalogAction } from "./catalog-action";
import { ColumnsEditor } from "./ColumnsEditor";
import { fieldProblems } from "./field-problems";

const DEFINITION_HINT: Record<CatalogType, string> = {
  Table: "",
  View: "The SELECT statement, e.g. SELECT id, city FROM user_profile.",
  Function: "The implementing class, e.g. com.example.udf.MaskMobile.",
  Resource: "The file's name; defaults to the resource's name.",
};

/** CREATE TABLE / VIEW / FUNCTION / RESOURCE: the creator becomes the object's creator in the catalog. */
export function CreateObjectForm({
  action,
  project,
}: {
  action: CatalogAction<{ name: string; type: CatalogType }>;
  project: string;
}) {
  const [state, submit] = useActionState(action, null);
  const [type, setType] = useState<CatalogType>("Table");
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    if (state?.ok && state.data) {
      toast(`${state.data.type} ${state.data.name} created`, { tone: "success" });
      setGeneration((current) => current + 1);
    }
  }, [state]);
  const definitionLabel = DEFINITION_LABEL[type];
  return (
    <form key={generation} action={submit} className="grid gap-4" aria-label="Create an object">
      <FormError state={state} />
      <input type="hidden" name="project" value={project} />
      <Select
        label="Type"
        name="type"
        value={type}
        onChange={(event) => setType(event.target.value as CatalogType)}
        options={CATALOG_TYPES.map((value) => ({ value, label: value }))}
      />
      <TextInput
        label="Name"
        name="name"
        required
        autoComplete="off"
        spellCheck={false}
        error={fieldError(state, "name")}
        defaultValue={fieldValue(state, "name")}
        hint="Names are case-insensitive and stored in lower case."
      />
      <Textarea
        label="Description"
        name="description"
        rows={2}
        error={fieldError(state, "description")}
        defaultValue={fieldValue(state, "description")}
      />
      {definitionLabel ? (
        <Textarea
          key={type}
          label={definitionLabel}
          name="definition"
          rows={type === "View" ? 3 : 1}
          required={type !== "Resource"}
          hint={DEFINITION_HINT[type]}
          error={fieldError(state, "definition")}
          defaultValue={fieldValue(state, "definition")}
        />
      ) : null}
      {hasColumns(type) ? (
        <ColumnsEditor
          initial={[{ name: "", type: "STRING", comment: "" }]}
          problems={fieldProblems(state, "columns")}
        />
      ) : null}
      <div>
        <SubmitButton>Create {type.toLowerCase()}</SubmitButton>
      </div>
    </form>
  );
}
