import { DataTable } from "@/components/ui/DataTable";
import { EmptyState } from "@/components/ui/EmptyState";
import { TableFilter } from "@/components/ui/TableFilter";
import type { TableParams } from "@/components/ui/table-params";
import type { PackageReaders } from "@/lib/services/packages/package-readers";

type Reader = PackageReaders["items"][number];

/** The installer's people × the package's tables: which columns each may read, and why the others are closed. */
export function PackageReadersTable({ readers, params }: { readers: PackageReaders; params: TableParams }) {
  return (
    <DataTable<Reader>
      caption={`What each person of ${readers.project} may read through ${readers.package}`}
      rows={readers.items}
      rowKey={(reader) => reader.user.principal}
      params={params}
      total={readers.total}
      toolbar={
        <TableFilter params={params} filters={[]} searchLabel="Search people" searchPlaceholder="Principal or name" />
      }
      empty={
        <EmptyState icon="users" title="Nobody matches">
          Clear the search to see everyone in {readers.project}.
        </EmptyState>
      }
      columns={[
        {
          id: "person",
          header: "Person",
          cell: (reader) => (
            <span className="grid gap-0.5">
              <code className="text-xs">{reader.user.principal}</code>
              <span className="text-xs text-slate-500">
                {reader.user.owner ? "Owner" : reader.user.roles.length > 0 ? reader.user.roles.join(", ") : "No role"}
              </span>
            </span>
          ),
        },
        {
          id: "reads",
          header: "May read",
          cell: (reader) =>
            reader.objects.length === 0 ? (
              "The package shares no table with Select."
            ) : (
              <ul className="grid gap-2">
                {reader.objects.map((object) => (
                  <li key={object.object}>
                    <span className="font-medium">{object.object}</span>:{" "}
                    {object.readable.length === 0
                      ? "no column"
                      : object.denied.length === 0
                        ? `all ${object.readable.length} columns`
                        : `${object.readable.length} columns`}
                    {object.denied.length > 0 ? (
                      <span className="block text-xs text-slate-600">
                        Closed:{" "}
                        {object.denied.map((denied, index) => (
                          <span key={denied.column} title={`${denied.decidedBy}: ${denied.reason}`}>
                            {index > 0 ? ", " : ""}
                            <code>{denied.column}</code>
                          </span>
                        ))}
                        {object.readable.length > 0 && object.readable.length <= 10
                          ? `; open: ${object.readable.join(", ")}`
                          : ""}
                      </span>
                    ) : null}
                  </li>
                ))}
              </ul>
            ),
        },
      ]}
    />
  );
}
