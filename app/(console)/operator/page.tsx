import { Badge } from "@/components/ui/Badge";
import { Card } from "@/components/ui/Card";
import { DataTable, type Column } from "@/components/ui/DataTable";
import { MainWithAside } from "@/components/ui/MainWithAside";
import { PageHeader } from "@/components/ui/PageHeader";
import { TableFilter } from "@/components/ui/TableFilter";
import { parseTableParams, type SearchParamsRecord, type TableFilterDef } from "@/components/ui/table-params";
import { CreateTenantForm } from "@/components/operator/CreateTenantForm";
import { TenantDisabledToggle } from "@/components/operator/TenantDisabledToggle";
import { guardPage } from "@/lib/endpoint/page-guard";
import { readPage } from "@/lib/endpoint/read-page";
import { listTenantsEndpoint, type TenantSummary } from "@/lib/services/operator/list-tenants";
import { createTenantAction, setTenantDisabledAction } from "./actions";

export const metadata = { title: "Tenants" };

const DESCRIPTION =
  "Every customer's account. A disabled tenant's users cannot sign in or act, and other projects no longer see " +
  "its projects.";

const STATUS_FILTER: TableFilterDef = {
  name: "status",
  label: "Status",
  options: [
    { value: "active", label: "Active" },
    { value: "disabled", label: "Disabled" },
  ],
};

/** The platform operator's tenants: every customer's account, created here with its first owner. */
export default async function OperatorTenantsPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  await guardPage("platform.operate");
  const params = parseTableParams(await searchParams, {
    sortable: ["name"],
    defaultSort: { column: "name", dir: "asc" },
    filters: [STATUS_FILTER],
  });
  const { status: chosen } = params.filters;
  const status = chosen === "active" || chosen === "disabled" ? chosen : "all";
  const read = await readPage(listTenantsEndpoint, {
    q: params.q || undefined,
    status,
    page: params.page,
    pageSize: params.pageSize,
  });
  // guardPage let only the platform operator in, whom the service admits: a refusal here is a bug, never a notice.
  if (!read.ok) throw new Error(read.error.message);
  const result = read.data;
  const columns: Column<TenantSummary>[] = [
    {
      id: "name",
      header: "Tenant",
      cell: (tenant) => (
        <span className="grid">
          <span className="font-medium">{tenant.displayName}</span>
          <code className="text-xs text-slate-600">{tenant.name}</code>
        </span>
      ),
    },
    { id: "owner", header: "Owner", cell: (tenant) => tenant.ownerEmail ?? "—" },
    { id: "size", header: "Users / projects", cell: (tenant) => `${tenant.users} / ${tenant.projects}` },
    {
      id: "status",
      header: "Status",
      cell: (tenant) =>
        tenant.disabled ? <Badge tone="danger">Disabled</Badge> : <Badge tone="success">Active</Badge>,
    },
    {
      id: "actions",
      header: "Actions",
      align: "end",
      cell: (tenant) => (
        <TenantDisabledToggle action={setTenantDisabledAction} tenant={tenant.name} disabled={tenant.disabled} />
      ),
    },
  ];
  return (
    <>
      <PageHeader title="Tenants" description={DESCRIPTION} />
      <MainWithAside
        aside={
          <Card title="New tenant" description="An account and its owner, who then creates projects and sub-accounts.">
            <CreateTenantForm action={createTenantAction} />
          </Card>
        }
      >
        <DataTable
          caption="Tenants"
          columns={columns}
          rows={result.items}
          rowKey={(tenant) => tenant.id}
          params={params}
          total={result.total}
          toolbar={
            <TableFilter
              params={params}
              filters={[STATUS_FILTER]}
              searchLabel="Search tenants"
              searchPlaceholder="Name or organisation"
            />
          }
          empty="No tenant matches. Create one with the form beside this list."
        />
      </MainWithAside>
    </>
  );
}
