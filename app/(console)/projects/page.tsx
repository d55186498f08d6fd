import Link from "next/link";
import { Badge } from "@/components/ui/Badge";
import { Card } from "@/components/ui/Card";
import { DataTable, type Column } from "@/components/ui/DataTable";
import { PageHeader } from "@/components/ui/PageHeader";
import { TableFilter } from "@/components/ui/TableFilter";
import { parseTableParams, type SearchParamsRecord } from "@/components/ui/table-params";
import { MainWithAside } from "@/components/ui/MainWithAside";
import { CreateProjectForm } from "@/components/projects/CreateProjectForm";
import { forbidden } from "next/navigation";
import { guardPage } from "@/lib/endpoint/page-guard";
import { readPage } from "@/lib/endpoint/read-page";
import { listProjectsEndpoint, type ProjectSummary } from "@/lib/services/projects/list-projects";
import { createProjectAction } from "./actions";

export const metadata = { title: "Projects" };

const COLUMNS: Column<ProjectSummary>[] = [
  {
    id: "name",
    header: "Project",
    // A project's page is its security configuration (Settings), members and grants hang off it there.
    cell: (project) => (
      <span className="grid max-w-md gap-0.5">
        <Link
          href={`/settings?project=${encodeURIComponent(project.name)}`}
          className="font-medium text-accent-700 hover:underline"
        >
          {project.name}
        </Link>
        {project.description ? <span className="line-clamp-2 text-slate-500">{project.description}</span> : null}
      </span>
    ),
  },
  { id: "owner", header: "Owner", cell: (project) => project.owner },
  { id: "members", header: "Members", cell: (project) => project.memberCount, align: "end" },
  {
    id: "security",
    header: "Security",
    cell: (project) => (
      <span className="flex flex-wrap gap-1">
        {project.labelSecurity ? <Badge tone="accent">LabelSecurity</Badge> : null}
        {project.projectProtection ? <Badge tone="warn">Protected</Badge> : null}
      </span>
    ),
  },
];

export default async function ProjectsPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  const { permissions } = await guardPage("project.inspect");
  const params = parseTableParams(await searchParams, {
    sortable: ["name"],
    defaultSort: { column: "name", dir: "asc" },
  });
  const read = await readPage(listProjectsEndpoint, {
    q: params.q || undefined,
    page: params.page,
    pageSize: params.pageSize,
  });
  if (!read.ok) forbidden();
  const result = read.data;
  return (
    <>
      <PageHeader
        title="Projects"
        description="The projects you own, administer or belong to, with their security switches."
      />
      <MainWithAside
        aside={
          permissions.has("project.create") ? (
            <Card
              title="New project"
              description="You become its owner; Super_Administrator and Admin roles come with it."
            >
              <CreateProjectForm action={createProjectAction} />
            </Card>
          ) : null
        }
      >
        <DataTable
          caption="Projects"
          columns={COLUMNS}
          rows={result.items}
          rowKey={(project) => project.id}
          params={params}
          total={result.total}
          toolbar={<TableFilter params={params} searchLabel="Search projects" searchPlaceholder="Project name" />}
          empty="No projects yet. The account owner creates the first one."
        />
      </MainWithAside>
    </>
  );
}
