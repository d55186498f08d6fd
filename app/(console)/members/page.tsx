import { ProjectPicker } from "@/components/console/ProjectPicker";
import { AddAgainButton } from "@/components/members/AddAgainButton";
import { AddMemberForm } from "@/components/members/AddMemberForm";
import { NoProjectToManage, NotAdministered } from "@/components/console/ProjectNotices";
import { RemoveMemberDialog } from "@/components/members/RemoveMemberDialog";
import { ReadOnlyNote } from "@/components/console/ReadOnlyNote";
import { Badge } from "@/components/ui/Badge";
import { Card } from "@/components/ui/Card";
import { DataTable, type Column } from "@/components/ui/DataTable";
import { EmptyState } from "@/components/ui/EmptyState";
import { PageHeader } from "@/components/ui/PageHeader";
import { TableFilter } from "@/components/ui/TableFilter";
import { parseTableParams, type SearchParamsRecord, type TableFilterDef } from "@/components/ui/table-params";
import { MainWithAside } from "@/components/ui/MainWithAside";
import { guardPage } from "@/lib/endpoint/page-guard";
import { pageProject } from "@/app/(console)/page-project";
import { readPage } from "@/lib/endpoint/read-page";
import { listMembersEndpoint, MEMBER_SORTS, type MemberSummary } from "@/lib/services/members/list-members";
import { addMemberAction, removeMemberAction } from "./actions";

export const metadata = { title: "Members" };

const STATUS_FILTER: TableFilterDef = {
  name: "status",
  label: "Status",
  options: [
    { value: "active", label: "Active" },
    { value: "removed", label: "Removed" },
  ],
};

const KIND_LABELS: Record<MemberSummary["kind"], string> = {
  PRIMARY: "Account",
  SUB: "RAM user",
  RAM_ROLE: "RAM role",
};

const date = (iso: string) => <time dateTime={iso}>{iso.slice(0, 10)}</time>;

function memberColumns(project: string, readOnly: boolean): Column<MemberSummary>[] {
  const columns: Column<MemberSummary>[] = [
    {
      id: "member",
      header: "Member",
      sortable: true,
      cell: (member) => (
        <span className="grid gap-0.5">
          <span className="flex flex-wrap items-center gap-1.5 font-medium">
            {member.displayName}
            {member.isOwner ? <Badge tone="accent">Owner</Badge> : null}
            {member.otherAccount ? <Badge tone="warn">Other account</Badge> : null}
          </span>
          <code className="text-xs text-slate-500">{member.principal}</code>
        </span>
      ),
    },
    {
      id: "kind",
      header: "Kind",
      cell: (member) => KIND_LABELS[member.kind],
      className: "hidden whitespace-nowrap 2xl:table-cell",
    },
    {
      id: "roles",
      header: "Roles",
      cell: (member) =>
        member.roles.length > 0 ? (
          <span className="flex flex-wrap gap-1">
            {member.roles.map((role) => (
              <Badge key={role} tone={member.removedAt ? "neutral" : "accent"}>
                {role}
              </Badge>
            ))}
          </span>
        ) : (
          "—"
        ),
    },
    {
      id: "clearance",
      header: "Clearance",
      sortable: true,
      align: "end",
      cell: (member) => member.clearance,
      className: "hidden 2xl:table-cell",
    },
    {
      id: "addedAt",
      header: "Added",
      sortable: true,
      cell: (member) => date(member.addedAt),
      className: "hidden whitespace-nowrap lg:table-cell",
    },
    {
      id: "status",
      header: "Status",
      cell: (member) =>
        member.removedAt ? (
          <span className="grid gap-0.5">
            <Badge tone="neutral" dot>
              Removed
            </Badge>
            <span className="text-xs text-slate-500">on {date(member.removedAt)}; permissions dormant</span>
          </span>
        ) : (
          <Badge tone="success" dot>
            Active
          </Badge>
        ),
    },
    {
      id: "actions",
      header: "Actions",
      align: "end",
      cell: (member) => {
        if (member.isOwner || member.userId === null || member.email === null) return null;
        return member.removedAt ? (
          <AddAgainButton action={addMemberAction} project={project} email={member.email} />
        ) : (
          <RemoveMemberDialog
            action={removeMemberAction}
            project={project}
            userId={member.userId}
            principal={member.principal}
          />
        );
      },
    },
  ];
  // An auditor reads: no column of changes.
  return readOnly ? columns.filter((column) => column.id !== "actions") : columns;
}

export default async function MembersPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  await guardPage("project.inspect");
  const query = await searchParams;
  const scope = await pageProject(query);
  const description =
    "Who belongs to the project. A removed member keeps their grants and roles, dormant, until added again or cleared.";
  if (!scope) return <NoProjectToManage title="Members" description={description} />;

  const params = parseTableParams(query, {
    sortable: MEMBER_SORTS,
    defaultSort: { column: "member", dir: "asc" },
    filters: [STATUS_FILTER],
  });
  const result = await readPage(listMembersEndpoint, {
    project: scope.current,
    q: params.q || undefined,
    status: params.filters.status,
    sort: params.sort,
    dir: params.dir,
    page: params.page,
    pageSize: params.pageSize,
  });

  return (
    <>
      <PageHeader
        title={`Members of ${scope.current}`}
        description={description}
        actions={<ProjectPicker projects={scope.projects} current={scope.current} action="/members" />}
      />
      {scope.readOnly ? <ReadOnlyNote project={scope.current} /> : null}
      {result.ok ? (
        <MainWithAside
          aside={
            scope.readOnly ? null : (
              <Card
                title="Add a member"
                description="Adding a removed member again brings back their dormant grants and roles."
              >
                <AddMemberForm action={addMemberAction} project={scope.current} />
              </Card>
            )
          }
        >
          <DataTable
            caption={`Members of ${scope.current}`}
            columns={memberColumns(scope.current, scope.readOnly)}
            rows={result.data.items}
            rowKey={(member) => member.id}
            params={params}
            total={result.data.total}
            toolbar={
              <TableFilter
                params={params}
                filters={[STATUS_FILTER]}
                searchLabel="Search members"
                searchPlaceholder="Name or email"
              />
            }
            empty={
              <EmptyState icon="users" title="No members yet">
                {scope.readOnly
                  ? "The project has no members besides its owner."
                  : "Add a member with the form beside this list."}
              </EmptyState>
            }
          />
        </MainWithAside>
      ) : (
        <NotAdministered project={scope.current} reason={result.error.message} />
      )}
    </>
  );
}
