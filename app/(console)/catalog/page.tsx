import Link from "next/link";
import { CreateObjectForm } from "@/components/catalog/CreateObjectForm";
import { DropObjectDialog } from "@/components/catalog/DropObjectDialog";
import { ImportTablesForm } from "@/components/catalog/ImportTablesForm";
import { objectHref } from "@/components/catalog/catalog-links";
import { ProjectPicker } from "@/components/console/ProjectPicker";
import { NoProjectToManage, NotAdministered } from "@/components/console/ProjectNotices";
import { Badge } from "@/components/ui/Badge";
import { Card } from "@/components/ui/Card";
import { DataTable, type Column } from "@/components/ui/DataTable";
import { EmptyState } from "@/components/ui/EmptyState";
import { PageHeader } from "@/components/ui/PageHeader";
import { TableFilter } from "@/components/ui/TableFilter";
import { parseTableParams, type SearchParamsRecord, type TableFilterDef } from "@/components/ui/table-params";
import { MainWithAside } from "@/components/ui/MainWithAside";
import { CATALOG_TYPES } from "@/lib/catalog/object-spec";
import { guardPage } from "@/lib/endpoint/page-guard";
import { pageProject } from "@/app/(console)/page-project";
import { readPage } from "@/lib/endpoint/read-page";
import { listObjectsEndpoint, OBJECT_SORTS, type CatalogObjectSummary } from "@/lib/services/catalog/list-objects";
import { createObjectAction, dropObjectAction, importTablesAction } from "./actions";

export const metadata = { title: "Catalog" };

const TYPE_FILTER: TableFilterDef = {
  name: "type",
  label: "Type",
  options: CATALOG_TYPES.map((type) => ({ value: type, label: type })),
};

const DESCRIPTION =
  "Tables, views, functions and resources of the project: the objects grants, labels and policies name.";

function objectColumns(project: string): Column<CatalogObjectSummary>[] {
  return [
    {
      id: "name",
      header: "Name",
      sortable: true,
      cell: (object) => (
        <Link
          href={objectHref(project, object.type, object.name)}
          className="font-mono font-medium text-accent-700 hover:underline"
        >
          {object.name}
        </Link>
      ),
    },
    {
      id: "type",
      header: "Type",
      sortable: true,
      cell: (object) => <Badge tone={object.type === "Table" ? "neutral" : "accent"}>{object.type}</Badge>,
    },
    // From xl the forms take a column beside the list: description and creator wait for 2xl there.
    {
      id: "description",
      header: "Description",
      cell: (object) => <span className="line-clamp-2 text-slate-600">{object.description}</span>,
      className: "hidden lg:table-cell xl:hidden 2xl:table-cell",
    },
    {
      id: "columns",
      header: "Columns",
      align: "end",
      cell: (object) => (object.type === "Table" || object.type === "View" ? object.columnCount : "—"),
    },
    {
      id: "grants",
      header: "Grants",
      align: "end",
      cell: (object) => object.grantCount,
      className: "hidden md:table-cell",
    },
    { id: "creator", header: "Creator", cell: (object) => object.creator, className: "hidden 2xl:table-cell" },
    {
      id: "updatedAt",
      header: "Updated",
      sortable: true,
      cell: (object) => <time dateTime={object.updatedAt}>{object.updatedAt.slice(0, 10)}</time>,
      className: "hidden md:table-cell",
    },
    {
      id: "actions",
      header: "Actions",
      align: "end",
      cell: (object) => (
        <span className="inline-flex items-center gap-2">
          <Link
            href={objectHref(project, object.type, object.name)}
            className="text-xs font-medium text-accent-700 hover:underline"
          >
            Edit<span className="sr-only"> {object.name}</span>
          </Link>
          <DropObjectDialog
            action={dropObjectAction}
            project={project}
            type={object.type}
            name={object.name}
            grantCount={object.grantCount}
          />
        </span>
      ),
    },
  ];
}

export default async function CatalogPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  await guardPage("access.request");
  const query = await searchParams;
  const scope = await pageProject(query);
  if (!scope) return <NoProjectToManage title="Catalog" description={DESCRIPTION} />;

  const projectFilter: TableFilterDef = {
    name: "project",
    label: "Project",
    options: scope.projects.map((name) => ({ value: name, label: name })),
  };
  // The project rides along in sort and page links as a filter (so an empty catalog is told apart from "no
  // matches" here, not by DataTable); the visible filters are the type and the search.
  const params = parseTableParams(
    { ...query, project: scope.current },
    { sortable: OBJECT_SORTS, defaultSort: { column: "name", dir: "asc" }, filters: [TYPE_FILTER, projectFilter] },
  );
  const type = CATALOG_TYPES.find((candidate) => candidate === params.filters.type);
  const result = await readPage(listObjectsEndpoint, {
    project: scope.current,
    type,
    q: params.q || undefined,
    sort: params.sort,
    dir: params.dir,
    page: params.page,
    pageSize: params.pageSize,
  });
  return (
    <>
      <PageHeader
        title={`Catalog of ${scope.current}`}
        description={DESCRIPTION}
        actions={<ProjectPicker projects={scope.projects} current={scope.current} action="/catalog" />}
      />
      {result.ok ? (
        <MainWithAside
          asideWidth="wide"
          aside={
            <>
              <Card
                title="New object"
                description="You become its creator; with ObjectCreatorHasAccessPermission you may use it without a grant."
              >
                <CreateObjectForm action={createObjectAction} project={scope.current} />
              </Card>
              <Card
                title="Import tables"
                description="From a schema export (JSON or CSV). Every row is checked first; nothing is imported unless all of it can be."
              >
                <ImportTablesForm action={importTablesAction} project={scope.current} />
              </Card>
            </>
          }
        >
          {result.data.total === 0 && params.q === "" && params.filters.type === undefined ? (
            <Card>
              <EmptyState icon="folder" title={`${scope.current} has no objects yet`}>
                Create a table with the form beside this list, or import a schema export.
              </EmptyState>
            </Card>
          ) : (
            <DataTable
              caption={`Objects of ${scope.current}`}
              columns={objectColumns(scope.current)}
              rows={result.data.items}
              rowKey={(object) => object.id}
              params={params}
              total={result.data.total}
              toolbar={
                <TableFilter
                  params={params}
                  filters={[TYPE_FILTER]}
                  searchLabel="Search objects"
                  searchPlaceholder="Name or description"
                />
              }
            />
          )}
        </MainWithAside>
      ) : (
        <NotAdministered project={scope.current} reason={result.error.message} />
      )}
    </>
  );
}
