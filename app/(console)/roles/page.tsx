import Link from "next/link";
import { ProjectPicker } from "@/components/console/ProjectPicker";
import { NoProjectToManage, NotAdministered } from "@/components/console/ProjectNotices";
import { ReadOnlyNote } from "@/components/console/ReadOnlyNote";
import { AssignRoleForm } from "@/components/roles/AssignRoleForm";
import { CreateRoleForm } from "@/components/roles/CreateRoleForm";
import { DropRoleDialog } from "@/components/roles/DropRoleDialog";
import { roleHref } from "@/components/roles/role-href";
import { roleSummaryText } from "@/components/roles/role-powers";
import { Badge } from "@/components/ui/Badge";
import { Card } from "@/components/ui/Card";
import { DataTable, type Column } from "@/components/ui/DataTable";
import { PageHeader } from "@/components/ui/PageHeader";
import { TableFilter } from "@/components/ui/TableFilter";
import { parseTableParams, type SearchParamsRecord, type TableFilterDef } from "@/components/ui/table-params";
import { MainWithAside } from "@/components/ui/MainWithAside";
import { guardPage } from "@/lib/endpoint/page-guard";
import { pageProject } from "@/app/(console)/page-project";
import { bothRead, readPage } from "@/lib/endpoint/read-page";
import { listRolesEndpoint, ROLE_SORTS, type RoleSummary } from "@/lib/services/roles/list-roles";
import { roleAssignmentChoicesEndpoint } from "@/lib/services/roles/role-assignment-choices";
import { assignRoleAction, createRoleAction, dropRoleAction } from "./actions";

export const metadata = { title: "Roles" };

const TYPE_FILTER: TableFilterDef = {
  name: "type",
  label: "Type",
  options: [
    { value: "built-in", label: "Built-in" },
    { value: "custom", label: "Custom" },
  ],
};

function roleColumns(project: string, readOnly: boolean): Column<RoleSummary>[] {
  const columns: Column<RoleSummary>[] = [
    {
      id: "name",
      header: "Role",
      sortable: true,
      cell: (role) => (
        <span className="grid gap-1">
          <span className="flex flex-wrap items-center gap-1.5">
            {role.id ? (
              <Link href={roleHref(project, role.name)} className="font-medium text-accent-700 hover:underline">
                {role.name}
              </Link>
            ) : (
              <span className="font-medium">{role.name}</span>
            )}
            <Badge tone={role.kind === "Custom" ? "neutral" : "accent"}>
              {role.kind === "Custom" ? "Custom" : "Built-in"}
            </Badge>
            {role.hasPolicy ? <Badge tone="accent">Policy</Badge> : null}
          </span>
          {role.owner ? <code className="text-xs text-slate-500">{role.owner}</code> : null}
        </span>
      ),
    },
    {
      id: "powers",
      header: "What it may do",
      cell: (role) => <span className="block min-w-64 text-slate-600">{roleSummaryText(role)}</span>,
      className: "hidden md:table-cell",
    },
    {
      id: "members",
      header: "Members",
      align: "end",
      cell: (role) => (
        <span className="grid">
          {role.members}
          {role.dormantMembers > 0 ? (
            <span className="text-xs whitespace-nowrap text-slate-500">+{role.dormantMembers} dormant</span>
          ) : null}
        </span>
      ),
    },
    {
      id: "grants",
      header: "Grants",
      align: "end",
      cell: (role) => (role.id ? role.grants : "—"),
      className: "hidden 2xl:table-cell",
    },
    {
      id: "actions",
      header: "Actions",
      align: "end",
      // Built-in roles (and the owner) cannot be dropped; their Built-in badge says so.
      cell: (role) =>
        role.kind === "Custom" ? (
          <DropRoleDialog
            action={dropRoleAction}
            project={project}
            role={role.name}
            grants={role.grants}
            hasPolicy={role.hasPolicy}
          />
        ) : null,
    },
  ];
  // An auditor reads: no column of changes.
  return readOnly ? columns.filter((column) => column.id !== "actions") : columns;
}

export default async function RolesPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  await guardPage("project.inspect");
  const query = await searchParams;
  const scope = await pageProject(query);
  const description =
    "The owner, the built-in Super_Administrator and Admin roles, and the project's custom roles. A member holds every privilege of each role assigned to them.";
  if (!scope) return <NoProjectToManage title="Roles" description={description} />;

  const params = parseTableParams(query, {
    sortable: ROLE_SORTS,
    defaultSort: { column: "kind", dir: "asc" },
    filters: [TYPE_FILTER],
  });
  // The assignment form's choices only for whoever may change (an auditor only reads).
  const result = bothRead(
    ...(await Promise.all([
      readPage(listRolesEndpoint, {
        project: scope.current,
        q: params.q || undefined,
        type: params.filters.type,
        sort: params.sort,
        dir: params.dir,
        page: params.page,
        pageSize: params.pageSize,
      }),
      scope.readOnly
        ? { ok: true as const, data: { roles: [], members: [] } }
        : readPage(roleAssignmentChoicesEndpoint, { project: scope.current }),
    ])),
  );
  return (
    <>
      <PageHeader
        title={`Roles of ${scope.current}`}
        description={description}
        actions={<ProjectPicker projects={scope.projects} current={scope.current} action="/roles" />}
      />
      {scope.readOnly ? <ReadOnlyNote project={scope.current} /> : null}
      {result.ok ? (
        <MainWithAside
          aside={
            scope.readOnly ? null : (
              <>
                <Card
                  title="Assign a role"
                  description="Admin assigns custom roles; only the owner and Super_Administrator assign Admin or Super_Administrator."
                >
                  <AssignRoleForm
                    action={assignRoleAction}
                    project={scope.current}
                    role={{ choices: result.data[1].roles }}
                    members={result.data[1].members}
                  />
                </Card>
                <Card
                  title="New custom role"
                  description="Grant it privileges on the Grants page, or attach a policy on the Policies page."
                >
                  <CreateRoleForm action={createRoleAction} project={scope.current} />
                </Card>
              </>
            )
          }
        >
          <DataTable
            caption={`Roles of ${scope.current}`}
            columns={roleColumns(scope.current, scope.readOnly)}
            rows={result.data[0].items}
            rowKey={(role) => role.id ?? "owner"}
            params={params}
            total={result.data[0].total}
            toolbar={
              <TableFilter
                params={params}
                filters={[TYPE_FILTER]}
                searchLabel="Search roles"
                searchPlaceholder="Role name"
              />
            }
          />
        </MainWithAside>
      ) : (
        <NotAdministered project={scope.current} reason={result.error.message} />
      )}
    </>
  );
}
