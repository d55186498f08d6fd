import Link from "next/link";
import { ProjectPicker } from "@/components/console/ProjectPicker";
import { ReadOnlyNote } from "@/components/console/ReadOnlyNote";
import { NoProjectToManage, NotAdministered } from "@/components/console/ProjectNotices";
import { ConfirmedRowAction } from "@/components/packages/ConfirmedRowAction";
import { PackageActionForm } from "@/components/packages/PackageActionForm";
import { packageHref } from "@/components/packages/package-href";
import { Badge } from "@/components/ui/Badge";
import { Card } from "@/components/ui/Card";
import { DataTable, type Column } from "@/components/ui/DataTable";
import { EmptyState } from "@/components/ui/EmptyState";
import { MainWithAside } from "@/components/ui/MainWithAside";
import { PageHeader } from "@/components/ui/PageHeader";
import { TableFilter } from "@/components/ui/TableFilter";
import { Tabs } from "@/components/ui/Tabs";
import { parseTableParams, type SearchParamsRecord, type TableFilterDef } from "@/components/ui/table-params";
import { pageProject } from "@/app/(console)/page-project";
import { guardPage } from "@/lib/endpoint/page-guard";
import { readPage } from "@/lib/endpoint/read-page";
import { listInstalledPackagesEndpoint, type InstallerPackage } from "@/lib/services/packages/list-installed-packages";
import { listPackagesEndpoint, type PackageSummary } from "@/lib/services/packages/list-packages";
import { createPackageAction, installPackageAction } from "./actions";

export const metadata = { title: "Packages" };

const DESCRIPTION =
  "Share tables and resources with other projects, of any account, through packages; and install the packages other projects offer to this one.";

const STATUS_FILTER: TableFilterDef = {
  name: "status",
  label: "Status",
  options: [
    { value: "installed", label: "Installed" },
    { value: "offered", label: "Offered, not installed" },
  ],
};

const sharedColumns = (project: string): Column<PackageSummary>[] => [
  {
    id: "name",
    header: "Package",
    cell: (pkg) => (
      <span className="grid gap-0.5">
        <Link href={packageHref(project, pkg.name)} className="font-medium text-accent-700 hover:underline">
          {pkg.name}
        </Link>
        {pkg.description ? <span className="text-xs text-slate-500">{pkg.description}</span> : null}
      </span>
    ),
  },
  { id: "objects", header: "Objects", align: "end", cell: (pkg) => pkg.objects },
  { id: "allowed", header: "Allowed projects", align: "end", cell: (pkg) => pkg.allowedProjects },
  { id: "installations", header: "Installed in", align: "end", cell: (pkg) => pkg.installations },
];

const installedColumns = (project: string): Column<InstallerPackage>[] => [
  {
    id: "name",
    header: "Package",
    cell: (pkg) =>
      pkg.installed ? (
        <Link href={packageHref(project, pkg.name)} className="font-medium text-accent-700 hover:underline">
          {pkg.name}
        </Link>
      ) : (
        <span className="font-medium">{pkg.name}</span>
      ),
  },
  {
    id: "status",
    header: "Status",
    cell: (pkg) =>
      !pkg.allowed ? (
        <Badge tone="danger">No longer allowed</Badge>
      ) : pkg.installed ? (
        <Badge tone="success">Installed</Badge>
      ) : (
        <Badge tone="accent">Offered</Badge>
      ),
  },
  { id: "label", header: "Label", align: "end", cell: (pkg) => (pkg.label === null ? "—" : pkg.label) },
  { id: "objects", header: "Objects", align: "end", cell: (pkg) => pkg.objects },
  { id: "grants", header: "Read grants", align: "end", cell: (pkg) => (pkg.installed ? pkg.readGrants : "—") },
  {
    id: "actions",
    header: "Actions",
    align: "end",
    cell: (pkg) =>
      pkg.installed ? null : (
        <ConfirmedRowAction
          action={installPackageAction}
          fields={{ project, package: pkg.name }}
          label="Install"
          subject={pkg.name}
          title={`Install ${pkg.name} in ${project}?`}
          confirmLabel="Install"
          successMessage={`${pkg.name} installed in ${project}`}
          tone="primary"
        >
          <p>
            Its objects become readable from {project} at label {pkg.label}: by the project&apos;s owner and
            administrators at once, and by the users and roles you grant Read on the package.
          </p>
        </ConfirmedRowAction>
      ),
  },
];

export default async function PackagesPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  await guardPage("project.inspect");
  const query = await searchParams;
  const scope = await pageProject(query);
  if (!scope) return <NoProjectToManage title="Packages" description={DESCRIPTION} />;
  const view = query.view === "installed" ? "installed" : "shared";
  const base = `/packages?project=${encodeURIComponent(scope.current)}`;
  const header = (
    <PageHeader
      title={`Packages of ${scope.current}`}
      description={DESCRIPTION}
      actions={<ProjectPicker projects={scope.projects} current={scope.current} action="/packages" />}
    />
  );
  const tabs = (
    <Tabs
      label="Package sides"
      current={`${base}&view=${view}`}
      items={[
        { href: `${base}&view=shared`, label: "Shared by this project" },
        { href: `${base}&view=installed`, label: "From other projects" },
      ]}
    />
  );
  const filters = view === "installed" ? [STATUS_FILTER] : [];
  const params = parseTableParams(query, { sortable: ["name"], defaultSort: { column: "name", dir: "asc" }, filters });
  const common = { project: scope.current, q: params.q || undefined, page: params.page, pageSize: params.pageSize };

  if (view === "shared") {
    const read = await readPage(listPackagesEndpoint, common);
    if (!read.ok)
      return (
        <>
          {header}
          <NotAdministered project={scope.current} reason={read.error.message} />
        </>
      );
    return (
      <>
        {header}
        {scope.readOnly ? <ReadOnlyNote project={scope.current} /> : null}
        {tabs}
        <MainWithAside
          aside={
            scope.readOnly ? null : (
              <Card
                title="New package"
                description="Then add objects to it and allow the projects that may install it, on its page."
              >
                <PackageActionForm
                  action={createPackageAction}
                  label="Create a package"
                  hidden={{ project: scope.current }}
                  fields={[
                    {
                      name: "name",
                      label: "Package name",
                      required: true,
                      hint: "Letters, digits and underscores, starting with a letter; unique in the project whatever the case.",
                    },
                    { name: "description", label: "Description" },
                  ]}
                  submitLabel="Create package"
                  successMessage={`Package created in ${scope.current}`}
                />
              </Card>
            )
          }
        >
          <DataTable
            caption={`Packages shared by ${scope.current}`}
            columns={sharedColumns(scope.current)}
            rows={read.data.items}
            rowKey={(pkg) => pkg.id}
            params={params}
            total={read.data.total}
            toolbar={
              <TableFilter params={params} filters={[]} searchLabel="Search packages" searchPlaceholder="Name" />
            }
            empty={
              <EmptyState icon="inbox" title={params.q ? "No package matches" : "No packages yet"}>
                {scope.readOnly
                  ? "The project shares no package."
                  : "Create a package, add the tables to share, then allow the projects that may install it."}
              </EmptyState>
            }
          />
        </MainWithAside>
      </>
    );
  }

  const read = await readPage(listInstalledPackagesEndpoint, { ...common, status: params.filters.status });
  if (!read.ok)
    return (
      <>
        {header}
        <NotAdministered project={scope.current} reason={read.error.message} />
      </>
    );
  return (
    <>
      {header}
      {scope.readOnly ? <ReadOnlyNote project={scope.current} /> : null}
      {tabs}
      <MainWithAside
        aside={
          scope.readOnly ? null : (
            <Card
              title="Install a package"
              description="Name a package another project allowed this one to install, as owner_project.package."
            >
              <PackageActionForm
                action={installPackageAction}
                label="Install a package"
                hidden={{ project: scope.current }}
                fields={[{ name: "package", label: "Package", required: true, placeholder: "WonderLand.share" }]}
                submitLabel="Install"
                successMessage={`Package installed in ${scope.current}`}
              />
            </Card>
          )
        }
      >
        <DataTable
          caption={`Packages from other projects in ${scope.current}`}
          columns={
            scope.readOnly
              ? installedColumns(scope.current).filter((column) => column.id !== "actions")
              : installedColumns(scope.current)
          }
          rows={read.data.items}
          rowKey={(pkg) => pkg.name}
          params={params}
          total={read.data.total}
          toolbar={
            <TableFilter
              params={params}
              filters={[STATUS_FILTER]}
              searchLabel="Search packages"
              searchPlaceholder="Package or project"
            />
          }
          empty={
            <EmptyState icon="inbox" title="No package is offered to this project">
              A package appears here once its owner allows {scope.current} to install it (ALLOW PROJECT).
            </EmptyState>
          }
        />
      </MainWithAside>
    </>
  );
}
