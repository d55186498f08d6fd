import { notFound } from "next/navigation";
import { ReadOnlyNote } from "@/components/console/ReadOnlyNote";
import { NoProjectToManage, NotAdministered } from "@/components/console/ProjectNotices";
import { AssignRoleForm } from "@/components/roles/AssignRoleForm";
import { RoleMembers } from "@/components/roles/RoleMembers";
import { roleSummaryText } from "@/components/roles/role-powers";
import { Badge } from "@/components/ui/Badge";
import { LinkButton } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { DataTable, type Column } from "@/components/ui/DataTable";
import { EmptyState } from "@/components/ui/EmptyState";
import { PageHeader } from "@/components/ui/PageHeader";
import { parseTableParams, type SearchParamsRecord } from "@/components/ui/table-params";
import { MainWithAside } from "@/components/ui/MainWithAside";
import { guardPage } from "@/lib/endpoint/page-guard";
import { pageProject } from "@/app/(console)/page-project";
import { bothRead, readPage } from "@/lib/endpoint/read-page";
import { getRoleEndpoint, type RoleDetail } from "@/lib/services/roles/get-role";
import { roleAssignmentChoicesEndpoint } from "@/lib/services/roles/role-assignment-choices";
import { assignRoleAction, revokeRoleAction } from "../actions";

export const metadata = { title: "Role" };

type RoleGrant = RoleDetail["grants"]["items"][number];

const GRANT_COLUMNS: Column<RoleGrant>[] = [
  {
    id: "object",
    header: "Object",
    cell: (grant) => (
      <span className="grid">
        <span className="font-medium">{grant.objectName}</span>
        <span className="text-xs text-slate-500">{grant.objectType.toLowerCase()}</span>
      </span>
    ),
  },
  { id: "privilege", header: "Privilege", cell: (grant) => <Badge>{grant.privilege}</Badge> },
  {
    id: "columns",
    header: "Columns",
    cell: (grant) => (grant.columns.length > 0 ? grant.columns.join(", ") : "All"),
    className: "hidden md:table-cell",
  },
  {
    id: "expires",
    header: "Expires",
    cell: (grant) =>
      grant.expiresAt === null ? (
        "Never"
      ) : (
        <span className="flex items-center gap-1.5">
          <time dateTime={grant.expiresAt}>{grant.expiresAt.slice(0, 10)}</time>
          {grant.expired ? <Badge tone="warn">Expired</Badge> : null}
        </span>
      ),
  },
  {
    id: "conditions",
    header: "Conditions",
    cell: (grant) => (grant.hasConditions ? "Yes" : "—"),
    className: "hidden lg:table-cell",
  },
];

export default async function RolePage({
  params: routeParams,
  searchParams,
}: {
  params: Promise<{ role: string }>;
  searchParams: Promise<SearchParamsRecord>;
}) {
  await guardPage("project.inspect");
  const query = await searchParams;
  const { role: roleName } = await routeParams;
  const scope = await pageProject(query);
  if (!scope)
    return <NoProjectToManage title={`Role ${roleName}`} description="A role's members, grants and policy." />;

  const params = parseTableParams(query, { sortable: ["object"], defaultSort: { column: "object", dir: "asc" } });
  const [role, choices] = await Promise.all([
    readPage(
      getRoleEndpoint,
      { project: scope.current, role: roleName, page: params.page, pageSize: params.pageSize },
      { invalidInputIsAnswer: true },
    ),
    // The assignment form's choices only for whoever may change (an auditor only reads).
    scope.readOnly
      ? { ok: true as const, data: { roles: [], members: [] } }
      : readPage(roleAssignmentChoicesEndpoint, { project: scope.current }),
  ]);
  // A role name no role could have (the path is typed by hand) is as absent as any other.
  if (!role.ok && role.error.code === "INVALID_INPUT") notFound();
  const result = bothRead(role, choices);
  if (!result.ok) {
    return (
      <>
        <PageHeader
          title={`Role ${roleName}`}
          breadcrumbs={[{ label: "Roles", href: `/roles?project=${encodeURIComponent(scope.current)}` }]}
        />
        <NotAdministered project={scope.current} reason={result.error.message} />
      </>
    );
  }
  const [detail, { members }] = result.data;
  const notHolding = members.filter((member) => !detail.members.some((holder) => holder.userId === member.value));
  const policyHref = `/policies?project=${encodeURIComponent(detail.project)}&role=${encodeURIComponent(detail.role.name)}`;
  return (
    <>
      <PageHeader
        title={`Role ${detail.role.name}`}
        description={roleSummaryText(detail.role)}
        breadcrumbs={[
          { label: `Roles of ${detail.project}`, href: `/roles?project=${encodeURIComponent(detail.project)}` },
        ]}
        actions={
          <Badge tone={detail.role.kind === "Custom" ? "neutral" : "accent"}>
            {detail.role.kind === "Custom" ? "Custom role" : "Built-in role"}
          </Badge>
        }
      />
      {scope.readOnly ? <ReadOnlyNote project={detail.project} /> : null}
      <MainWithAside
        asideWidth="wide"
        aside={
          <Card
            title="Members"
            description="Removed members keep the role, dormant, until they are added again or their permissions are cleared."
          >
            <div className="grid gap-6">
              <RoleMembers detail={detail} revokeAction={scope.readOnly ? undefined : revokeRoleAction} />
              {scope.readOnly ? null : (
                <AssignRoleForm
                  action={assignRoleAction}
                  project={detail.project}
                  role={{ fixed: detail.role.name }}
                  members={notHolding}
                />
              )}
            </div>
          </Card>
        }
      >
        <section aria-labelledby="role-grants" className="grid gap-3">
          <h2 id="role-grants" className="text-base font-semibold text-slate-900">
            ACL grants
          </h2>
          <DataTable
            caption={`ACL grants of ${detail.role.name}`}
            columns={GRANT_COLUMNS}
            rows={detail.grants.items}
            rowKey={(grant) => grant.id}
            params={params}
            total={detail.grants.total}
            empty={
              <EmptyState icon="key" title="No ACL grants">
                {scope.readOnly
                  ? "The role holds no privilege on an object."
                  : "Grant this role privileges on objects from the Grants page."}
              </EmptyState>
            }
          />
        </section>
        <Card
          title="Policy"
          description="Read-only here. A role policy applies to every member of the role."
          actions={
            scope.readOnly ? (
              <LinkButton href={policyHref} size="sm">
                Read on the Policies page
              </LinkButton>
            ) : (
              <LinkButton href={policyHref} size="sm">
                {detail.policy ? "Edit policy" : "Attach a policy"}
              </LinkButton>
            )
          }
        >
          {detail.policy ? (
            <div className="grid gap-2">
              <p className="text-xs text-slate-500">
                Version {detail.policy.version}, updated{" "}
                <time dateTime={detail.policy.updatedAt}>{detail.policy.updatedAt.slice(0, 10)}</time>
              </p>
              <pre
                aria-label={`Policy of ${detail.role.name}`}
                className="max-h-96 overflow-auto rounded-md bg-slate-50 p-3 text-xs leading-relaxed text-slate-800"
              >
                {detail.policy.document}
              </pre>
            </div>
          ) : (
            <p className="text-sm text-slate-600">This role has no policy.</p>
          )}
        </Card>
      </MainWithAside>
    </>
  );
}
