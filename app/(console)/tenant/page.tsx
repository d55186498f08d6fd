import { Badge } from "@/components/ui/Badge";
import { DataTable, type Column } from "@/components/ui/DataTable";
import { PageHeader } from "@/components/ui/PageHeader";
import { TableFilter } from "@/components/ui/TableFilter";
import { parseTableParams, type SearchParamsRecord } from "@/components/ui/table-params";
import { Card } from "@/components/ui/Card";
import { MainWithAside } from "@/components/ui/MainWithAside";
import { CreateSubAccountForm } from "@/components/tenant/CreateSubAccountForm";
import { ResetPasswordDialog } from "@/components/tenant/ResetPasswordDialog";
import { TenantRoleDialog } from "@/components/tenant/TenantRoleDialog";
import { UserDisabledToggle } from "@/components/tenant/UserDisabledToggle";
import { forbidden } from "next/navigation";
import { guardPage } from "@/lib/endpoint/page-guard";
import { readPage } from "@/lib/endpoint/read-page";
import { listTenantUsersEndpoint, type listTenantUsers } from "@/lib/services/tenants/list-tenant-users";
import { createSubAccountAction, resetPasswordAction, setTenantRoleAction, setUserDisabledAction } from "./actions";

export const metadata = { title: "Tenant" };

type TenantUser = Awaited<ReturnType<typeof listTenantUsers>>["items"][number];

const ROLE_NAMES = { SUPER_ADMINISTRATOR: "Super_Administrator", ADMIN: "Admin", AUDITOR: "Auditor" } as const;

export default async function TenantPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  const { actor } = await guardPage("tenant.manage");
  const params = parseTableParams(await searchParams, {
    sortable: ["email"],
    defaultSort: { column: "email", dir: "asc" },
  });
  const read = await readPage(listTenantUsersEndpoint, {
    q: params.q || undefined,
    page: params.page,
    pageSize: params.pageSize,
  });
  // guardPage let only account administrators in; the service refusing one anyway is the 403 page.
  if (!read.ok) forbidden();
  const result = read.data;
  const columns: Column<TenantUser>[] = [
    {
      id: "email",
      header: "User",
      cell: (user) => (
        <span className="grid">
          <span className="font-medium">{user.displayName}</span>
          <span className="text-slate-500">{user.email}</span>
          <code className="text-xs text-slate-600">{user.principal}</code>
        </span>
      ),
    },
    {
      id: "kind",
      header: "Kind",
      cell: (user) => (user.kind === "PRIMARY" ? <Badge tone="accent">Account owner</Badge> : "Sub-account"),
    },
    {
      id: "roles",
      header: "Tenant roles",
      cell: (user) => user.tenantRoles.map((role) => ROLE_NAMES[role]).join(", ") || "—",
    },
    {
      id: "status",
      header: "Status",
      cell: (user) => (user.disabled ? <Badge tone="danger">Disabled</Badge> : <Badge tone="success">Active</Badge>),
    },
    {
      id: "actions",
      header: "Actions",
      align: "end",
      cell: (user) =>
        user.kind === "SUB" && user.id !== actor.userId ? (
          // Wraps rather than widening the table past the form beside it.
          <span className="flex flex-wrap justify-end gap-2">
            <TenantRoleDialog action={setTenantRoleAction} userId={user.id} email={user.email} />
            <ResetPasswordDialog action={resetPasswordAction} userId={user.id} email={user.email} />
            <UserDisabledToggle
              action={setUserDisabledAction}
              userId={user.id}
              email={user.email}
              disabled={user.disabled}
            />
          </span>
        ) : null,
    },
  ];
  return (
    <>
      <PageHeader
        title={`Tenant ${actor.tenantName}`}
        description="The account's owner and its RAM sub-accounts. A disabled user is signed out on their next request."
      />
      <MainWithAside
        aside={
          <Card
            title="New sub-account"
            description="A RAM user of this account. Add it to projects from the Members page."
          >
            <CreateSubAccountForm action={createSubAccountAction} tenant={actor.tenantName} />
          </Card>
        }
      >
        <DataTable
          caption="Users of this account"
          columns={columns}
          rows={result.items}
          rowKey={(user) => user.id}
          params={params}
          total={result.total}
          toolbar={<TableFilter params={params} searchLabel="Search users" searchPlaceholder="Name or email" />}
          empty="No sub-accounts yet. Create one for each person who works with the data."
        />
      </MainWithAside>
    </>
  );
}
