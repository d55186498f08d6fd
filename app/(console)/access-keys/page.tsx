import { forbidden } from "next/navigation";
import { AccessKeyActions } from "@/components/access-keys/AccessKeyActions";
import { CreateAccessKey } from "@/components/access-keys/CreateAccessKey";
import { Badge } from "@/components/ui/Badge";
import { Card } from "@/components/ui/Card";
import { DataTable, type Column } from "@/components/ui/DataTable";
import { EmptyState } from "@/components/ui/EmptyState";
import { MainWithAside } from "@/components/ui/MainWithAside";
import { PageHeader } from "@/components/ui/PageHeader";
import { TableFilter } from "@/components/ui/TableFilter";
import { parseTableParams, type SearchParamsRecord, type TableFilterDef } from "@/components/ui/table-params";
import { guardPage } from "@/lib/endpoint/page-guard";
import { readPage } from "@/lib/endpoint/read-page";
import {
  listAccountAccessKeysEndpoint,
  type listAccountAccessKeys,
} from "@/lib/services/access-keys/list-account-access-keys";
import { listOwnAccessKeysEndpoint, type listOwnAccessKeys } from "@/lib/services/access-keys/list-own-access-keys";

export const metadata = { title: "Access keys" };

type OwnKey = Awaited<ReturnType<typeof listOwnAccessKeys>>["items"][number];
type AccountKey = Awaited<ReturnType<typeof listAccountAccessKeys>>["items"][number];

const STATUS_FILTER: TableFilterDef = {
  name: "status",
  label: "Status",
  options: [
    { value: "", label: "Any status" },
    { value: "ACTIVE", label: "Active" },
    { value: "DISABLED", label: "Disabled" },
  ],
};

/** The caller's own keys are one short list: not sorted, filtered or paged by the URL (that is the sub-accounts' table). */
const OWN_KEYS_PARAMS = parseTableParams({}, { sortable: [], defaultSort: { column: "createdAt", dir: "desc" } });

const when = (date: Date | string | null, never = "Never") => {
  if (!date) return never;
  const iso = new Date(date).toISOString();
  return <time dateTime={iso}>{`${iso.slice(0, 16).replace("T", " ")} UTC`}</time>;
};

const statusBadge = (key: { status: string; disabledByAdmin: boolean }) =>
  key.status === "ACTIVE" ? (
    <Badge tone="success">Active</Badge>
  ) : (
    <Badge tone="neutral">{key.disabledByAdmin ? "Disabled by an administrator" : "Disabled"}</Badge>
  );

/** Everyone's own AccessKeys (for the signed API and the CLI); account administrators also see sub-accounts'. */
export default async function AccessKeysPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  const { permissions } = await guardPage();
  const own = await readPage(listOwnAccessKeysEndpoint, {});
  if (!own.ok) forbidden();
  const { items, maxActive, maxKeys } = own.data;
  const active = items.filter((key) => key.status === "ACTIVE").length;
  const atLimit =
    active >= maxActive
      ? `You hold ${maxActive} active keys, the most allowed: disable or delete one to create another.`
      : items.length >= maxKeys
        ? `You hold ${maxKeys} keys, the most allowed: delete one to create another.`
        : null;

  const ownColumns: Column<OwnKey>[] = [
    {
      id: "id",
      header: "AccessKey ID",
      cell: (key) => (
        <span className="grid">
          <code className="text-xs">{key.id}</code>
          {key.description ? <span className="text-slate-500">{key.description}</span> : null}
        </span>
      ),
    },
    { id: "status", header: "Status", cell: (key) => statusBadge(key) },
    { id: "createdAt", header: "Created", cell: (key) => when(key.createdAt) },
    { id: "lastUsedAt", header: "Last used", cell: (key) => when(key.lastUsedAt) },
    {
      id: "actions",
      header: "Actions",
      align: "end",
      cell: (key) => <AccessKeyActions id={key.id} status={key.status} disabledByAdmin={key.disabledByAdmin} />,
    },
  ];

  return (
    <>
      <PageHeader
        title="Access keys"
        description="AccessKeys sign API calls (ACS3-HMAC-SHA256, as Alibaba Cloud's SDKs and CLI do) with your identity and permissions. Keep the secret like a password."
      />
      <MainWithAside
        aside={
          <Card title="New AccessKey" description={`At most ${maxActive} active keys; the secret is shown once.`}>
            <CreateAccessKey atLimit={atLimit} />
          </Card>
        }
      >
        <DataTable
          caption="Your AccessKeys"
          columns={ownColumns}
          rows={items}
          rowKey={(key) => key.id}
          params={OWN_KEYS_PARAMS}
          // At most MAX_KEYS_PER_USER rows: one page, so no pager (a total of 0 shows none).
          total={0}
          empty={
            <EmptyState icon="key" title="No AccessKeys yet">
              Create one to call the API from a script, a query engine or the CLI (npm run cli).
            </EmptyState>
          }
        />
        {permissions.has("tenant.manage") ? <SubAccountKeys searchParams={await searchParams} /> : null}
      </MainWithAside>
    </>
  );
}

/** The keys of the account's sub-accounts, for those who manage the account: filter, page, disable. */
async function SubAccountKeys({ searchParams }: { searchParams: SearchParamsRecord }) {
  const params = parseTableParams(searchParams, {
    sortable: ["createdAt"],
    defaultSort: { column: "createdAt", dir: "desc" },
    filters: [STATUS_FILTER],
  });
  const status =
    params.filters.status === "ACTIVE" || params.filters.status === "DISABLED" ? params.filters.status : undefined;
  const read = await readPage(listAccountAccessKeysEndpoint, {
    q: params.q || undefined,
    status,
    page: params.page,
    pageSize: params.pageSize,
  });
  if (!read.ok) forbidden();
  const columns: Column<AccountKey>[] = [
    {
      id: "user",
      header: "User",
      cell: (key) => (
        <span className="grid">
          <span className="font-medium">{key.user.displayName}</span>
          <span className="text-slate-500">{key.user.email}</span>
        </span>
      ),
    },
    { id: "id", header: "AccessKey ID", cell: (key) => <code className="text-xs">{key.id}</code> },
    { id: "status", header: "Status", cell: (key) => statusBadge(key) },
    { id: "createdAt", header: "Created", cell: (key) => when(key.createdAt) },
    { id: "lastUsedAt", header: "Last used", cell: (key) => when(key.lastUsedAt) },
    {
      id: "actions",
      header: "Actions",
      align: "end",
      cell: (key) => <AccessKeyActions id={key.id} status={key.status} account />,
    },
  ];
  return (
    <section className="mt-6 grid gap-3" aria-labelledby="sub-account-keys">
      <h2 id="sub-account-keys" className="text-base font-semibold text-slate-900">
        Sub-accounts&apos; AccessKeys
      </h2>
      <DataTable
        caption="AccessKeys of this account's sub-accounts"
        columns={columns}
        rows={read.data.items}
        rowKey={(key) => key.id}
        params={params}
        total={read.data.total}
        toolbar={
          <TableFilter
            params={params}
            filters={[STATUS_FILTER]}
            searchLabel="Search keys by user"
            searchPlaceholder="Name or email"
          />
        }
        empty="No sub-account holds an AccessKey. Each user creates their own on this page."
      />
    </section>
  );
}
