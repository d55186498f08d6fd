"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/Button";
import { FieldMessage } from "@/components/ui/Field";
import { controlClasses } from "@/components/ui/field-styles";

export interface EditorColumn {
  name: string;
  type: string;
  comment: string;
  /** Set for a column that exists already: a different name renames it. */
  originalName?: string;
}

type Row = EditorColumn & { key: number };

const COMMON_TYPES = [
  "BIGINT",
  "INT",
  "STRING",
  "DOUBLE",
  "DECIMAL(10,2)",
  "BOOLEAN",
  "DATE",
  "DATETIME",
  "TIMESTAMP",
  "VARCHAR(255)",
  "ARRAY<STRING>",
  "MAP<STRING,STRING>",
];

/**
 * Edits a table's column list and submits it as JSON in the field `columns`. Existing columns can be renamed,
 * retyped and re-commented; new ones added (and removed again before saving).
 */
export function ColumnsEditor({
  initial,
  problems,
}: {
  initial: readonly EditorColumn[];
  problems: readonly string[];
}) {
  const [rows, setRows] = useState<Row[]>(() => initial.map((column, key) => ({ ...column, key })));
  const [nextKey, setNextKey] = useState(initial.length);
  const typesId = useId();
  const problemsId = useId();
  const update = (key: number, field: "name" | "type" | "comment", value: string) =>
    setRows((current) => current.map((row) => (row.key === key ? { ...row, [field]: value } : row)));
  const add = () => {
    setRows((current) => [...current, { key: nextKey, name: "", type: "STRING", comment: "" }]);
    setNextKey(nextKey + 1);
  };
  const submitted = rows.map(({ key: _key, ...column }) => column);

  return (
    <fieldset className="grid gap-2" aria-describedby={problems.length > 0 ? problemsId : undefined}>
      <legend className="mb-1 text-sm font-medium text-slate-800">Columns</legend>
      <input type="hidden" name="columns" value={JSON.stringify(submitted)} />
      <datalist id={typesId}>
        {COMMON_TYPES.map((type) => (
          <option key={type} value={type} />
        ))}
      </datalist>
      <div className="grid gap-2">
        {rows.map((row, index) => (
          <div
            key={row.key}
            className="grid grid-cols-[minmax(0,1fr)_minmax(0,1fr)] gap-2 rounded-md border border-slate-200 p-2 sm:grid-cols-[minmax(0,1.2fr)_minmax(0,1fr)_minmax(0,1.4fr)_auto]"
          >
            <input
              aria-label={`Column ${index + 1} name`}
              value={row.name}
              onChange={(event) => update(row.key, "name", event.target.value)}
              placeholder="name"
              autoComplete="off"
              spellCheck={false}
              className={controlClasses("h-8 font-mono text-xs")}
            />
            <input
              aria-label={`Column ${index + 1} type`}
              value={row.type}
              onChange={(event) => update(row.key, "type", event.target.value)}
              list={typesId}
              autoComplete="off"
              spellCheck={false}
              className={controlClasses("h-8 font-mono text-xs")}
            />
            <input
              aria-label={`Column ${index + 1} comment`}
              value={row.comment}
              onChange={(event) => update(row.key, "comment", event.target.value)}
              placeholder="comment"
              className={controlClasses("col-span-2 h-8 text-xs sm:col-span-1")}
            />
            {row.originalName === undefined ? (
              <Button
                size="sm"
                variant="ghost"
                onClick={() => setRows((current) => current.filter((other) => other.key !== row.key))}
              >
                Remove<span className="sr-only"> column {index + 1}</span>
              </Button>
            ) : (
              <span
                className="self-center text-xs text-slate-500"
                title={row.originalName !== row.name ? `renames ${row.originalName}` : undefined}
              >
                {row.originalName !== row.name ? `was ${row.originalName}` : "existing"}
              </span>
            )}
          </div>
        ))}
      </div>
      {problems.length > 0 ? (
        <div id={problemsId} className="grid gap-1">
          {problems.map((problem) => (
            <FieldMessage key={problem} id={undefined}>
              {problem}
            </FieldMessage>
          ))}
        </div>
      ) : null}
      <div>
        <Button size="sm" onClick={add}>
          Add column
        </Button>
      </div>
    </fieldset>
  );
}
