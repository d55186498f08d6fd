// How the command line shows an answer to people: tables and `key  value` lines, one line per row whatever the
// data holds (--json prints the answer itself).
import { encodeLogField } from "@/lib/audit/log-field";

/** A list's items as a table, an object as `key  value` lines, anything else as JSON. */
export function render(data: unknown): string[] {
  const items = (data as { items?: unknown })?.items;
  if (Array.isArray(items)) {
    const total = (data as { total?: number }).total;
    return [
      ...table(items as Record<string, unknown>[]),
      ...(typeof total === "number" ? [`(${items.length} of ${total})`] : []),
    ];
  }
  if (data && typeof data === "object" && !Array.isArray(data)) {
    const entries = Object.entries(data as Record<string, unknown>);
    const width = Math.max(...entries.map(([key]) => key.length));
    return entries.map(([key, value]) => `${key.padEnd(width)}  ${cellText(value)}`);
  }
  return [JSON.stringify(data, null, 2)];
}

const MAX_CELL = 60;

export function cellText(value: unknown, max = MAX_CELL): string {
  const text =
    value === null || value === undefined ? "" : typeof value === "object" ? JSON.stringify(value) : String(value);
  // One line per row: control characters (a forged line break in a name) are shown, never obeyed.
  return encodeLogField(text, max) ?? "";
}

export function table(rows: Record<string, unknown>[]): string[] {
  if (rows.length === 0) return ["(none)"];
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const cells = rows.map((row) => columns.map((column) => cellText(row[column])));
  const widths = columns.map((column, i) => Math.max(column.length, ...cells.map((row) => row[i]!.length)));
  const line = (values: string[]) =>
    values
      .map((value, i) => value.padEnd(widths[i]!))
      .join("  ")
      .trimEnd();
  return [line(columns), line(widths.map((width) => "-".repeat(width))), ...cells.map(line)];
}
