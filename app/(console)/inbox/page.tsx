import Link from "next/link";
import { MarkReadButton } from "@/components/requests/MarkReadButton";
import { Alert } from "@/components/ui/Alert";
import { Badge } from "@/components/ui/Badge";
import { DataTable, type Column } from "@/components/ui/DataTable";
import { EmptyState } from "@/components/ui/EmptyState";
import { PageHeader } from "@/components/ui/PageHeader";
import { parseTableParams, type SearchParamsRecord } from "@/components/ui/table-params";
import { guardPage } from "@/lib/endpoint/page-guard";
import { readPage } from "@/lib/endpoint/read-page";
import { listNotificationsEndpoint, type NotificationItem } from "@/lib/services/notifications/list-notifications";
import { markNotificationsReadAction } from "./actions";

export const metadata = { title: "Inbox" };

const COLUMNS: Column<NotificationItem>[] = [
  {
    id: "message",
    header: "Message",
    cell: (item) => (
      <span className="flex flex-wrap items-center gap-2">
        {item.read ? null : <Badge tone="accent">New</Badge>}
        {item.link ? (
          <Link href={item.link} className="text-accent-700 underline">
            {item.message}
          </Link>
        ) : (
          item.message
        )}
      </span>
    ),
  },
  {
    id: "createdAt",
    header: "When",
    cell: (item) => <time dateTime={item.createdAt}>{item.createdAt.slice(0, 16).replace("T", " ")}</time>,
    className: "whitespace-nowrap",
  },
  {
    id: "actions",
    header: "Actions",
    align: "end",
    cell: (item) =>
      item.read ? null : <MarkReadButton action={markNotificationsReadAction} id={item.id} label="Mark read" />,
  },
];

export default async function InboxPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  await guardPage();
  const params = parseTableParams(await searchParams, {
    sortable: [],
    defaultSort: { column: "createdAt", dir: "desc" },
  });
  const result = await readPage(listNotificationsEndpoint, { page: params.page, pageSize: params.pageSize });
  return (
    <>
      <PageHeader
        title="Inbox"
        description="Requests awaiting your decision, decisions on your requests, and grants about to expire."
        actions={
          result.ok && result.data.unread > 0 ? (
            <MarkReadButton action={markNotificationsReadAction} label="Mark all read" />
          ) : null
        }
      />
      {result.ok ? (
        <DataTable
          caption="Notifications"
          columns={COLUMNS}
          rows={result.data.items}
          rowKey={(item) => item.id}
          params={params}
          total={result.data.total}
          empty={
            <EmptyState icon="inbox" title="Nothing here yet">
              Ask for access on the Requests page; its approvers and their decisions will show here.
            </EmptyState>
          }
        />
      ) : (
        <Alert tone="danger" role="alert" title={result.error.message} />
      )}
    </>
  );
}
