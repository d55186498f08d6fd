import { z } from "zod";
import { parseCsv, type CsvRecord } from "./csv";
import { jsonErrorOffset } from "./json-error-offset";
import { columnSpecSchema, descriptionSchema, identifierSchema, MAX_COLUMNS, type ColumnSpec } from "./object-spec";

/** A table to create, from a schema export. */
export interface TableSpec {
  name: string;
  description: string;
  columns: ColumnSpec[];
  /** Where the table starts in the export ("Line 2", "Row 1"), for later errors (e.g. it already exists). */
  where: string;
}

/** One thing wrong with an export: where (line or row), which field, and what. */
export interface ImportProblem {
  where: string;
  field: string;
  message: string;
}

export type SchemaImportResult = { ok: true; tables: TableSpec[] } | { ok: false; problems: ImportProblem[] };

export const SCHEMA_FORMATS = ["auto", "json", "csv"] as const;
export type SchemaFormat = (typeof SCHEMA_FORMATS)[number];

export const MAX_IMPORT_TABLES = 1000;
/** Reporting stops here: a wrong file would otherwise produce one error per line. */
const MAX_PROBLEMS = 100;

export const CSV_HEADER = ["table", "column", "type", "comment"] as const;

export const formatProblem = (problem: ImportProblem) => `${problem.where}, ${problem.field}: ${problem.message}`;

/**
 * Reads a table list from a schema export and validates every row: JSON
 * `[{"table":"t","description":"","columns":[{"name":"c","type":"STRING","comment":""}]}]` or CSV with the
 * header `table,column,type,comment` (one line per column). Either every table is valid, or the answer is
 * the list of problems, each naming its line (CSV) or row (JSON) and field.
 */
export function parseSchemaExport(exported: string, format: SchemaFormat): SchemaImportResult {
  // Editors on Windows save a byte-order mark, which JSON.parse refuses.
  const text = exported.replace(/^\uFEFF/, "");
  const chosen = format === "auto" ? (/^\s*[[{]/.test(text) ? "json" : "csv") : format;
  const result = chosen === "json" ? parseJsonExport(text) : parseCsvExport(text);
  if (!result.ok) return result;
  if (result.tables.length === 0)
    return { ok: false, problems: [{ where: "The export", field: "tables", message: "No tables found." }] };
  if (result.tables.length > MAX_IMPORT_TABLES) {
    return {
      ok: false,
      problems: [
        {
          where: "The export",
          field: "tables",
          message: `${result.tables.length} tables; import at most ${MAX_IMPORT_TABLES} at a time.`,
        },
      ],
    };
  }
  return result;
}

class Problems {
  readonly list: ImportProblem[] = [];
  add(where: string, field: string, message: string) {
    if (this.list.length < MAX_PROBLEMS) this.list.push({ where, field, message });
    else if (this.list.length === MAX_PROBLEMS)
      this.list.push({ where: "The export", field: "rows", message: "More problems follow; fix these first." });
  }
  /** Validates a value with a schema, recording its first issue; undefined when invalid. */
  check<T extends z.ZodType>(schema: T, value: unknown, where: string, field: string): z.output<T> | undefined {
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    this.add(where, field, value === undefined || value === "" ? "Missing." : parsed.error.issues[0]!.message);
    return undefined;
  }
}

function checkColumn(
  problems: Problems,
  raw: Record<string, unknown>,
  where: string,
  fieldNames: Record<"name" | "type" | "comment", string>,
): ColumnSpec | undefined {
  const shape = columnSpecSchema.shape;
  const name = problems.check(shape.name, raw.name, where, fieldNames.name);
  const type = problems.check(shape.type, raw.type ?? "", where, fieldNames.type);
  const comment = problems.check(shape.comment, raw.comment ?? "", where, fieldNames.comment);
  return name === undefined || type === undefined || comment === undefined ? undefined : { name, type, comment };
}

function addColumn(problems: Problems, table: TableSpec, column: ColumnSpec, where: string, field: string) {
  if (table.columns.some((existing) => existing.name === column.name)) {
    problems.add(where, field, `Column ${column.name} appears twice in table ${table.name}.`);
  } else if (table.columns.length === MAX_COLUMNS) {
    problems.add(where, field, `Table ${table.name} has more than ${MAX_COLUMNS} columns.`);
  } else {
    table.columns.push(column);
  }
}

function parseCsvExport(text: string): SchemaImportResult {
  const parsed = parseCsv(text);
  if (!parsed.ok)
    return { ok: false, problems: [{ where: `Line ${parsed.line}`, field: "CSV", message: parsed.message }] };
  const [header, ...rows] = parsed.records;
  if (!header) return { ok: true, tables: [] };
  const names = header.fields.map((field) => field.trim().toLowerCase());
  const expected = names.length === 3 ? CSV_HEADER.slice(0, 3) : CSV_HEADER;
  if (names.join(",") !== expected.join(",")) {
    return {
      ok: false,
      problems: [
        {
          where: `Line ${header.line}`,
          field: "header",
          message: `The first line must be the header ${CSV_HEADER.join(",")} (comment may be left out); found ${header.fields.join(",")}.`,
        },
      ],
    };
  }
  const problems = new Problems();
  const tables = new Map<string, TableSpec>();
  for (const row of rows) readCsvRow(problems, tables, row, expected.length);
  return problems.list.length > 0 ? { ok: false, problems: problems.list } : { ok: true, tables: [...tables.values()] };
}

function readCsvRow(problems: Problems, tables: Map<string, TableSpec>, row: CsvRecord, width: number) {
  const where = `Line ${row.line}`;
  if (row.fields.length !== width) {
    problems.add(
      where,
      "row",
      `Expected ${width} fields (${CSV_HEADER.slice(0, width).join(",")}), found ${row.fields.length}.`,
    );
    return;
  }
  const [tableName, name, type, comment] = row.fields;
  const table = problems.check(identifierSchema, tableName, where, "table");
  const column = checkColumn(problems, { name, type, comment }, where, {
    name: "column",
    type: "type",
    comment: "comment",
  });
  if (table === undefined || column === undefined) return;
  let spec = tables.get(table);
  if (!spec) {
    spec = { name: table, description: "", columns: [], where };
    tables.set(table, spec);
  }
  addColumn(problems, spec, column, where, "column");
}

/** Where the JSON stops being valid, as a line, and what is there. */
function jsonSyntaxProblem(text: string): ImportProblem {
  const offset = jsonErrorOffset(text);
  if (offset === null) return { where: "The export", field: "JSON", message: "Not valid JSON." };
  const before = text.slice(0, offset).split(/\r\n|\r|\n/);
  const column = before.at(-1)!.length + 1;
  const message =
    offset >= text.length
      ? "The JSON ends too early (a bracket, brace or quote is not closed)."
      : `Not valid JSON at column ${column}, near ${JSON.stringify(text.slice(offset, offset + 20))}.`;
  return { where: `Line ${before.length}`, field: "JSON", message };
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function parseJsonExport(text: string): SchemaImportResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, problems: [jsonSyntaxProblem(text)] };
  }
  if (!Array.isArray(value)) {
    return {
      ok: false,
      problems: [
        {
          where: "The export",
          field: "JSON",
          message: 'Expected a list of tables: [{"table":"t","columns":[{"name":"c","type":"STRING","comment":""}]}].',
        },
      ],
    };
  }
  const problems = new Problems();
  const tables = new Map<string, TableSpec>();
  value.forEach((entry: unknown, index) => readJsonTable(problems, tables, entry, `Row ${index + 1}`));
  return problems.list.length > 0 ? { ok: false, problems: problems.list } : { ok: true, tables: [...tables.values()] };
}

function readJsonTable(problems: Problems, tables: Map<string, TableSpec>, entry: unknown, where: string) {
  if (!isRecord(entry)) {
    problems.add(where, "row", 'Expected an object such as {"table":"t","columns":[...]}.');
    return;
  }
  const name = problems.check(identifierSchema, entry.table, where, "table");
  const description = problems.check(descriptionSchema, entry.description ?? "", where, "description");
  const columns = entry.columns;
  if (!Array.isArray(columns) || columns.length === 0) {
    problems.add(where, "columns", "A table needs a list of at least one column.");
    return;
  }
  const spec: TableSpec = { name: name ?? "", description: description ?? "", columns: [], where };
  columns.forEach((raw: unknown, index) => {
    const at = `${where} column ${index + 1}`;
    if (!isRecord(raw)) {
      problems.add(at, "column", 'Expected an object such as {"name":"c","type":"STRING"}.');
      return;
    }
    const column = checkColumn(problems, raw, at, { name: "name", type: "type", comment: "comment" });
    if (column !== undefined) addColumn(problems, spec, column, at, "name");
  });
  if (name === undefined) return;
  const earlier = tables.get(name);
  if (earlier) problems.add(where, "table", `Table ${name} appears twice (also ${earlier.where}).`);
  else tables.set(name, spec);
}
