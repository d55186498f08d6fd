import { StaticTable } from "@/components/access/StaticTable";
import { cx } from "@/components/ui/cx";

type Row = { field: string; before: string; after: string; changed: boolean };

const shown = (value: unknown) => (value === undefined ? "" : JSON.stringify(value));

/** The fields of an event's before and after side by side, changed ones marked (top-level fields of the JSON). */
function diffRows(before: unknown, after: unknown): Row[] {
  const asObject = (value: unknown): Record<string, unknown> =>
    value !== null && typeof value === "object" && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : value === null || value === undefined
        ? {}
        : { value };
  const [left, right] = [asObject(before), asObject(after)];
  const fields = [...new Set([...Object.keys(left), ...Object.keys(right)])].sort();
  return fields.map((field) => {
    const [was, is] = [shown(left[field]), shown(right[field])];
    return { field, before: was, after: is, changed: was !== is };
  });
}

export function ChangeDiff({ before, after }: { before: unknown; after: unknown }) {
  const rows = diffRows(before, after);
  if (rows.length === 0) return <p className="text-sm text-slate-500">This event records no before or after.</p>;
  const cell = (text: string, changed: boolean, tone: "before" | "after") => (
    <code
      className={cx(
        "text-xs break-all",
        changed && (tone === "before" ? "bg-danger-50 text-danger-800" : "bg-success-50 text-success-800"),
      )}
    >
      {text || "—"}
    </code>
  );
  return (
    <StaticTable
      caption="Before and after"
      rows={rows}
      rowKey={(row) => row.field}
      columns={[
        { header: "Field", cell: (row) => <span className="font-medium">{row.field}</span> },
        { header: "Before", cell: (row) => cell(row.before, row.changed, "before") },
        { header: "After", cell: (row) => cell(row.after, row.changed, "after") },
        { header: "Changed", cell: (row) => (row.changed ? "changed" : "same") },
      ]}
    />
  );
}
