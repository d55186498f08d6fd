import { NoProjectToManage, NotAdministered } from "@/components/console/ProjectNotices";
import { MatrixCell } from "@/components/labels/MatrixCell";
import { labelObjectHref } from "@/components/labels/label-choices";
import { Card } from "@/components/ui/Card";
import { EmptyState } from "@/components/ui/EmptyState";
import { PageHeader } from "@/components/ui/PageHeader";
import { Pagination } from "@/components/ui/Pagination";
import { TableFilter } from "@/components/ui/TableFilter";
import { parseTableParams, type SearchParamsRecord, type TableFilterDef } from "@/components/ui/table-params";
import { guardPage } from "@/lib/endpoint/page-guard";
import { readPage } from "@/lib/endpoint/read-page";
import { columnMatrixEndpoint } from "@/lib/services/labels/column-matrix";
import { pageProject } from "@/app/(console)/page-project";

export const metadata = { title: "Column matrix" };

const DENIED_FILTER: TableFilterDef = {
  name: "deniedOnly",
  label: "Columns",
  options: [{ value: "true", label: "Only those someone here cannot read" }],
};

const text = (value: string | string[] | undefined) => (typeof value === "string" ? value : "");

export default async function ColumnMatrixPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  await guardPage("project.inspect");
  const query = await searchParams;
  const scope = await pageProject(query);
  const description =
    "Whether each member may Select each column now, as the decision engine decides it. Hover or focus a cell for the deciding layer and its reason.";
  if (!scope) return <NoProjectToManage title="Column matrix" description={description} />;
  const project = scope.current;
  const objectType = text(query.objectType) === "View" ? "View" : "Table";
  const objectName = text(query.objectName);
  const params = parseTableParams(query, {
    sortable: [],
    defaultSort: { column: "member", dir: "asc" },
    pageSizes: [10, 25, 50],
    filters: [DENIED_FILTER],
  });
  const result = await readPage(columnMatrixEndpoint, {
    project,
    objectType,
    objectName,
    q: params.q || undefined,
    deniedOnly: params.filters.deniedOnly === "true",
    page: params.page,
    pageSize: params.pageSize,
  });
  if (!result.ok) {
    return (
      <>
        <PageHeader title="Column matrix" description={description} />
        <NotAdministered project={project} reason={result.error.message} />
      </>
    );
  }
  const matrix = result.data;
  return (
    <>
      <PageHeader
        title={`Who may read ${matrix.object}`}
        description={description}
        breadcrumbs={[
          { label: "Labels", href: `/labels?project=${encodeURIComponent(project)}` },
          { label: matrix.object, href: labelObjectHref("object", project, matrix.objectType, matrix.object) },
        ]}
      />
      <Card padded={false}>
        <div className="border-b border-slate-200 px-4 py-3">
          <TableFilter
            params={params}
            filters={[DENIED_FILTER]}
            searchLabel="Search members"
            searchPlaceholder="Member"
          />
        </div>
        {matrix.items.length === 0 ? (
          <EmptyState icon="users" title="No member matches">
            Clear the search to see every member.
          </EmptyState>
        ) : matrix.columns.length === 0 ? (
          <EmptyState icon="check" title="Everyone here may read every column">
            Nobody on this page is denied a column of {matrix.object}.
          </EmptyState>
        ) : (
          <div
            role="region"
            aria-label={`Column matrix of ${matrix.object}`}
            tabIndex={0}
            className="overflow-x-auto pb-24"
          >
            <table className="text-sm">
              <caption className="sr-only">Members (rows) by columns of {matrix.object}: allowed or denied</caption>
              <thead>
                <tr>
                  <th scope="col" className="sticky left-0 bg-white px-3 py-2 text-left">
                    Member
                  </th>
                  {matrix.columns.map((column) => (
                    <th key={column} scope="col" className="px-1 py-2 font-mono text-xs font-normal whitespace-nowrap">
                      {column}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {matrix.items.map((row, rowIndex) => (
                  <tr key={row.userId}>
                    <th
                      scope="row"
                      className="sticky left-0 bg-white px-3 py-1 text-left font-normal whitespace-nowrap"
                    >
                      {row.name}
                      <span className="ml-2 text-xs text-slate-600">{row.denied} denied</span>
                    </th>
                    {row.cells.map((cell, columnIndex) => (
                      <MatrixCell
                        key={cell.column}
                        cell={cell}
                        member={row.name}
                        tipId={`cell-${rowIndex}-${columnIndex}`}
                      />
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <div className="border-t border-slate-200 px-4 py-3">
          <Pagination params={params} total={matrix.total} />
        </div>
      </Card>
    </>
  );
}
