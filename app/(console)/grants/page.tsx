import type { ReactNode } from "react";
import { ProjectPicker } from "@/components/console/ProjectPicker";
import { GrantForm, type GrantDefaults } from "@/components/grants/GrantForm";
import {
  grantsHref,
  GrantsQueryForm,
  PRIVILEGE_FILTER,
  STATUS_FILTER,
  type GrantsQuery,
} from "@/components/grants/GrantsQueryForm";
import { RevokeGrantDialog } from "@/components/grants/RevokeGrantDialog";
import { NoProjectToManage, NotAdministered } from "@/components/console/ProjectNotices";
import { ReadOnlyNote } from "@/components/console/ReadOnlyNote";
import { Alert } from "@/components/ui/Alert";
import { Badge } from "@/components/ui/Badge";
import { Card } from "@/components/ui/Card";
import { DataTable, type Column } from "@/components/ui/DataTable";
import { EmptyState } from "@/components/ui/EmptyState";
import { MainWithAside } from "@/components/ui/MainWithAside";
import { PageHeader } from "@/components/ui/PageHeader";
import { Tabs } from "@/components/ui/Tabs";
import { parseTableParams, type SearchParamsRecord, type TableParams } from "@/components/ui/table-params";
import { OBJECT_TYPES, type ObjectType } from "@/lib/authz";
import { guardPage } from "@/lib/endpoint/page-guard";
import { pageProject } from "@/app/(console)/page-project";
import { readPage } from "@/lib/endpoint/read-page";
import { grantFormOptionsEndpoint } from "@/lib/services/grants/grant-form-options";
import { granteeReference } from "@/lib/services/grants/support/grantee-reference";
import type { GrantItem } from "@/lib/services/grants/support/grant-item";
import { GRANT_SORTS, listGrantsEndpoint, type GrantSubject } from "@/lib/services/grants/list-grants";
import { grantPrivilegesAction, revokeGrantAction } from "./actions";

export const metadata = { title: "Grants" };

const DESCRIPTION =
  "ACL grants: privileges on the project and its tables, views, functions and resources, to members and roles.";

const text = (value: string | string[] | undefined) => (typeof value === "string" ? value.trim().slice(0, 320) : "");

const date = (iso: string) => <time dateTime={iso}>{iso.slice(0, 10)}</time>;

/** Expired grants stay listed, greyed, until revoked. */
const dim = (grant: GrantItem, node: ReactNode) => (
  <span className={grant.expired ? "text-slate-500" : undefined}>{node}</span>
);

function grantColumns(project: string, readOnly: boolean): Column<GrantItem>[] {
  const columns: Column<GrantItem>[] = [
    {
      id: "object",
      header: "Object",
      sortable: true,
      cell: (grant) =>
        dim(
          grant,
          <span className="grid gap-0.5">
            <span className="flex items-center gap-1.5">
              <Badge>{grant.objectType}</Badge>
              <span className="font-mono">{grant.objectName}</span>
            </span>
            {grant.columns.length > 0 ? <span className="font-mono text-xs">({grant.columns.join(", ")})</span> : null}
          </span>,
        ),
    },
    {
      id: "privilege",
      header: "Privilege",
      sortable: true,
      cell: (grant) => dim(grant, <span className="font-medium">{grant.privilege}</span>),
    },
    {
      id: "grantee",
      header: "Grantee",
      sortable: true,
      cell: (grant) =>
        dim(
          grant,
          grant.grantee.type === "Role" ? (
            <span className="flex items-center gap-1.5">
              <Badge tone="accent">Role</Badge>
              {grant.grantee.name}
            </span>
          ) : (
            <span className="grid">
              <span>{grant.grantee.name}</span>
              <span className="text-xs text-slate-500">{grant.grantee.email}</span>
            </span>
          ),
        ),
    },
    {
      id: "expiresAt",
      header: "Expires",
      sortable: true,
      cell: (grant) =>
        grant.expiresAt === null ? (
          dim(grant, "never")
        ) : (
          <span className="flex flex-wrap items-center gap-1.5">
            {dim(
              grant,
              <time dateTime={grant.expiresAt} title={`Valid until ${grant.expiresAt}`}>
                through {grant.validThrough}
              </time>,
            )}
            {grant.expired ? <Badge tone="warn">expired</Badge> : null}
          </span>
        ),
    },
    // From xl the grant form takes a column beside the list: these two wait for 2xl, so Revoke stays in view.
    {
      id: "grantedBy",
      header: "Granted by",
      cell: (grant) => dim(grant, grant.grantedBy),
      className: "hidden 2xl:table-cell",
    },
    {
      id: "createdAt",
      header: "Granted",
      sortable: true,
      cell: (grant) => dim(grant, date(grant.createdAt)),
      className: "hidden lg:table-cell xl:hidden 2xl:table-cell",
    },
    {
      id: "actions",
      header: "Actions",
      align: "end",
      cell: (grant) => <RevokeGrantDialog action={revokeGrantAction} project={project} grant={grant} />,
    },
  ];
  // An auditor reads: no column of changes.
  return readOnly ? columns.filter((column) => column.id !== "actions") : columns;
}

function subjectText(subject: GrantSubject): string {
  switch (subject.kind) {
    case "everyone":
      return "Every grant in the project.";
    case "user":
      return `Grants of ${subject.label}: their own${subject.roles.length > 0 ? ` and those of their roles ${subject.roles.join(", ")}` : ""}.`;
    case "role":
      return `Grants of ${subject.label}.`;
    case "object":
      return `ACL of ${subject.type.toLowerCase()} ${subject.name}: everyone granted a privilege on it.`;
  }
}

/** Whether the user narrowed the list (search, privilege, status); the project, view and subject are its scope. */
const filtered = (params: TableParams) =>
  params.q !== "" || params.filters.privilege !== undefined || params.filters.status !== undefined;

/** Lists what the query asks for; an unknown principal or object is the user's typo, said at the form. */
async function readGrants(query: GrantsQuery, params: TableParams) {
  const read = await readPage(
    listGrantsEndpoint,
    {
      project: query.project,
      view: query.view,
      principal: query.principal || undefined,
      objectType: query.objectType || undefined,
      objectName: query.objectName || undefined,
      q: params.q || undefined,
      privilege: params.filters.privilege,
      status: params.filters.status,
      sort: params.sort,
      dir: params.dir,
      page: params.page,
      pageSize: params.pageSize,
    },
    { invalidInputIsAnswer: true },
  );
  return read.ok
    ? read
    : { ok: false as const, message: Object.values(read.error.fieldErrors ?? {}).flat()[0] ?? read.error.message };
}

function formDefaults(query: GrantsQuery): GrantDefaults {
  if (query.view === "object")
    return query.objectType ? { objectType: query.objectType as ObjectType, objectName: query.objectName } : {};
  if (!query.principal) return {};
  const reference = granteeReference(query.principal);
  return { granteeType: reference.type, grantee: reference.name };
}

export default async function GrantsPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  await guardPage(["access.request", "project.inspect"]);
  const raw = await searchParams;
  const scope = await pageProject(raw);
  if (!scope) return <NoProjectToManage title="Grants" description={DESCRIPTION} />;

  const objectType = OBJECT_TYPES.find((type) => type === text(raw.objectType)) ?? "";
  const query: GrantsQuery = {
    project: scope.current,
    view: text(raw.view) === "object" ? "object" : "principal",
    principal: text(raw.principal),
    objectType,
    objectName: objectType ? text(raw.objectName) : "",
  };
  const params = parseTableParams(raw, {
    sortable: GRANT_SORTS,
    defaultSort: { column: "createdAt", dir: "desc" },
    filters: [PRIVILEGE_FILTER, STATUS_FILTER],
  });
  const tabs = [
    {
      href: grantsHref({ project: scope.current, view: "principal", principal: "", objectType: "", objectName: "" }),
      label: "Show grants",
    },
    {
      href: grantsHref({ project: scope.current, view: "object", principal: "", objectType: "", objectName: "" }),
      label: "Show ACL",
    },
  ];
  const header = (
    <PageHeader
      title={`Grants in ${scope.current}`}
      description={DESCRIPTION}
      actions={<ProjectPicker projects={scope.projects} current={scope.current} action="/grants" />}
    />
  );

  const scoped = await readPage(grantFormOptionsEndpoint, { project: scope.current });
  if (!scoped.ok) {
    return (
      <>
        {header}
        <NotAdministered project={scope.current} reason={scoped.error.message} />
      </>
    );
  }
  const options = scoped.data;
  const pickObject = query.view === "object" && query.objectName === "";
  const grants = pickObject ? null : await readGrants(query, params);

  return (
    <>
      {header}
      {scope.readOnly ? <ReadOnlyNote project={scope.current} /> : null}
      <Tabs items={tabs} current={tabs[query.view === "object" ? 1 : 0]!.href} label="Grant views" />
      <MainWithAside
        asideWidth="narrow"
        aside={
          scope.readOnly ? null : (
            <Card
              title="Grant privileges"
              description="One row per privilege. The owner, Super_Administrator and Admin may grant (Admin not to built-in roles); so may an object's creator."
            >
              <GrantForm
                action={grantPrivilegesAction}
                project={scope.current}
                options={options}
                defaults={formDefaults(query)}
              />
            </Card>
          )
        }
      >
        {grants?.ok && (grants.data.total > 0 || filtered(params)) ? (
          <DataTable
            caption={subjectText(grants.data.subject)}
            columns={grantColumns(scope.current, scope.readOnly)}
            rows={grants.data.items}
            rowKey={(grant) => grant.id}
            params={params}
            total={grants.data.total}
            toolbar={
              <div className="grid gap-2">
                <GrantsQueryForm query={query} params={params} options={options} />
                <p className="text-sm text-slate-600">{subjectText(grants.data.subject)}</p>
              </div>
            }
          />
        ) : (
          <Card>
            <div className="grid gap-4">
              <GrantsQueryForm query={query} params={params} options={options} />
              {grants === null ? (
                <EmptyState icon="search" title="Pick an object">
                  Choose a type and name to show every grant on that object (SHOW ACL FOR).
                </EmptyState>
              ) : grants.ok ? (
                <EmptyState icon="key" title="No grants here">
                  {subjectText(grants.data.subject)}
                  {scope.readOnly ? "" : " Grant privileges with the form beside this list."}
                </EmptyState>
              ) : (
                <Alert tone="warn" role="status" title={grants.message} />
              )}
            </div>
          </Card>
        )}
      </MainWithAside>
    </>
  );
}
