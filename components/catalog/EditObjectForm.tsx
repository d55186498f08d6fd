"use client";

import { useActionState, useEffect } from "react";
import { FormError } from "@/components/ui/FormError";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { Textarea } from "@/components/ui/Textarea";
import { fieldError, fieldValue } from "@/components/ui/action-result";
import { toast } from "@/components/ui/toast";
import { DEFINITION_LABEL, hasColumns } from "@/lib/catalog/object-spec";
import type { CatalogObjectDetail } from "@/lib/services/catalog/support/catalog-object";
import type { CatalogAction } from "./catalog-action";
import { ColumnsEditor } from "./ColumnsEditor";
import { fieldProblems } from "./field-problems";

/** ALTER: description, a view's SQL (a function's class, a resource's file) and the columns of a table or view. */
export function EditObjectForm({
  action,
  project,
  object,
}: {
  action: CatalogAction<CatalogObjectDetail>;
  project: string;
  object: CatalogObjectDetail;
}) {
  const [state, submit] = useActionState(action, null);
  useEffect(() => {
    if (state?.ok) toast(`${object.type} ${object.name} saved`, { tone: "success" });
  }, [state, object.type, object.name]);
  const definitionLabel = DEFINITION_LABEL[object.type];
  return (
    <form action={submit} className="grid gap-4" aria-label={`Edit ${object.type.toLowerCase()} ${object.name}`}>
      <FormError state={state} />
      <input type="hidden" name="project" value={project} />
      <input type="hidden" name="type" value={object.type} />
      <input type="hidden" name="name" value={object.name} />
      <Textarea
        label="Description"
        name="description"
        rows={2}
        error={fieldError(state, "description")}
        defaultValue={fieldValue(state, "description", object.description)}
      />
      {definitionLabel ? (
        <Textarea
          label={definitionLabel}
          name="definition"
          rows={object.type === "View" ? 4 : 1}
          spellCheck={false}
          error={fieldError(state, "definition")}
          defaultValue={fieldValue(state, "definition", object.definition)}
        />
      ) : null}
      {hasColumns(object.type) ? (
        <ColumnsEditor
          key={object.updatedAt}
          initial={object.columns.map((column) => ({
            name: column.name,
            type: column.type,
            comment: column.comment,
            originalName: column.name,
          }))}
          problems={fieldProblems(state, "columns")}
        />
      ) : null}
      <div>
        <SubmitButton>Save changes</SubmitButton>
      </div>
    </form>
  );
}
