"use client";

import { useActionState, useEffect, useId, useState } from "react";
import { Checkbox } from "@/components/ui/Checkbox";
import { FieldMessage } from "@/components/ui/Field";
import { FormError } from "@/components/ui/FormError";
import { Select } from "@/components/ui/Select";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { Textarea } from "@/components/ui/Textarea";
import { fieldChecked } from "@/components/ui/action-result";
import { toast } from "@/components/ui/toast";
import type { SchemaFormat } from "@/lib/catalog/schema-import";
import type { ImportTablesResult } from "@/lib/services/catalog/import-tables";
import type { CatalogAction } from "./catalog-action";
import { fieldProblems } from "./field-problems";

const FORMATS: { value: SchemaFormat; label: string }[] = [
  { value: "auto", label: "Detect (JSON starts with [ )" },
  { value: "json", label: "JSON" },
  { value: "csv", label: "CSV" },
];

const EXAMPLE = 'table,column,type,comment\norders,order_id,BIGINT,key\norders,amount,"DECIMAL(10,2)",';

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;

/** Imports a table list from a JSON or CSV schema export, pasted or read from a file; all or nothing. */
export function ImportTablesForm({ action, project }: { action: CatalogAction<ImportTablesResult>; project: string }) {
  const [state, submit] = useActionState(action, null);
  const [text, setText] = useState("");
  const [format, setFormat] = useState<SchemaFormat>("auto");
  const fileId = useId();
  useEffect(() => {
    if (state?.ok && state.data) {
      const { created, skipped } = state.data;
      toast(`Imported ${plural(created.length, "table")}`, {
        tone: "success",
        ...(skipped.length > 0 ? { description: `Skipped existing: ${skipped.join(", ")}` } : {}),
      });
      setText("");
    }
  }, [state]);
  const problems = fieldProblems(state, "text");

  const readFile = async (file: File | undefined) => {
    if (!file) return;
    setText(await file.text());
    if (/\.json$/i.test(file.name)) setFormat("json");
    else if (/\.csv$/i.test(file.name)) setFormat("csv");
  };

  return (
    <form action={submit} className="grid gap-4" aria-label="Import tables">
      <FormError state={state} />
      <input type="hidden" name="project" value={project} />
      <div className="grid gap-1.5">
        <label htmlFor={fileId} className="text-sm font-medium text-slate-800">
          Schema file
        </label>
        <input
          id={fileId}
          type="file"
          accept=".json,.csv,application/json,text/csv,text/plain"
          onChange={(event) => void readFile(event.target.files?.[0])}
          className="text-sm file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-2.5 file:py-1 file:text-xs file:font-medium"
        />
        <p className="text-xs text-slate-500">Its text is loaded into the box below; you can also paste it there.</p>
      </div>
      <Select
        label="Format"
        name="format"
        value={format}
        onChange={(event) => setFormat(event.target.value as SchemaFormat)}
        options={FORMATS}
      />
      <Textarea
        label="Schema export"
        name="text"
        rows={6}
        value={text}
        onChange={(event) => setText(event.target.value)}
        placeholder={EXAMPLE}
        spellCheck={false}
        hint='CSV: table,column,type,comment (one line per column). JSON: [{"table":"t","columns":[{"name":"c","type":"STRING","comment":""}]}].'
      />
      {problems.length > 0 ? (
        <div className="grid max-h-48 gap-1 overflow-y-auto" aria-label="Problems in the export" role="group">
          {problems.map((problem) => (
            <FieldMessage key={problem} id={undefined}>
              {problem}
            </FieldMessage>
          ))}
        </div>
      ) : null}
      <Checkbox
        name="skipExisting"
        label="Skip existing tables"
        description="Otherwise an export naming an existing table imports nothing."
        defaultChecked={fieldChecked(state, "skipExisting")}
      />
      <div>
        <SubmitButton>Import tables</SubmitButton>
      </div>
    </form>
  );
}
