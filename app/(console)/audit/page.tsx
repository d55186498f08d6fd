import { Badge } from "@/components/ui/Badge";
import { Card } from "@/components/ui/Card";
import { DataTable, type Column } from "@/components/ui/DataTable";
import { PageHeader } from "@/components/ui/PageHeader";
import { TableFilter } from "@/components/ui/TableFilter";
import { parseTableParams, type SearchParamsRecord, type TableFilterDef } from "@/components/ui/table-params";
import { forbidden } from "next/navigation";
import { guardPage } from "@/lib/endpoint/page-guard";
import { readPage } from "@/lib/endpoint/read-page";
import { listAuditEventsEndpoint, type listAuditEvents } from "@/lib/services/audit/list-audit-events";
import { NewEventsNotice } from "@/components/audit/NewEventsNotice";
import { AuditActivityChart } from "@/components/audit/AuditActivityChart";
import { auditActivityEndpoint } from "@/lib/services/audit/audit-activity";

export const metadata = { title: "Audit log" };

type AuditRow = Awaited<ReturnType<typeof listAuditEvents>>["items"][number];

const RESULT_TONE = { SUCCESS: "success", DENIED: "danger", FAILED: "warn" } as const;
const FILTERS: TableFilterDef[] = [
  {
    name: "result",
    label: "Result",
    options: [
      { value: "SUCCESS", label: "Success" },
      { value: "DENIED", label: "Denied" },
      { value: "FAILED", label: "Failed" },
    ],
  },
];

const COLUMNS: Column<AuditRow>[] = [
  { id: "seq", header: "#", cell: (event) => <span className="tabular-nums text-slate-500">{event.seq}</span> },
  {
    id: "at",
    header: "Time (UTC)",
    cell: (event) => <time dateTime={event.at}>{event.at.replace("T", " ").slice(0, 19)}</time>,
  },
  { id: "actor", header: "Actor", cell: (event) => <code className="text-xs">{event.actor}</code> },
  { id: "action", header: "Action", cell: (event) => event.action },
  { id: "target", header: "Target", cell: (event) => event.target, className: "hidden lg:table-cell" },
  { id: "result", header: "Result", cell: (event) => <Badge tone={RESULT_TONE[event.result]}>{event.result}</Badge> },
  { id: "reason", header: "Reason", cell: (event) => event.reason, className: "hidden xl:table-cell" },
  { id: "ip", header: "Source IP", cell: (event) => event.sourceIp, className: "hidden md:table-cell" },
];

export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  await guardPage("audit.read");
  const params = parseTableParams(await searchParams, {
    sortable: ["seq"],
    defaultSort: { column: "seq", dir: "desc" },
    pageSizes: [50, 100, 200],
    filters: FILTERS,
  });
  const [events, activityRead] = await Promise.all([
    readPage(listAuditEventsEndpoint, {
      actor: params.q || undefined,
      result: params.filters.result,
      page: params.page,
      pageSize: params.pageSize,
    }),
    readPage(auditActivityEndpoint, { days: 30 }),
  ]);
  // guardPage let only auditors in; the service refusing one anyway is the 403 page, as for anyone else.
  if (!events.ok || !activityRead.ok) forbidden();
  const [result, activity] = [events.data, activityRead.data];
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every change, sign-in and refusal in your account, hash-chained so no one can quietly alter it."
      />
      <Card title="Activity" className="mb-6">
        <AuditActivityChart activity={activity} />
      </Card>
      <NewEventsNotice newestSeq={result.newestSeq} />
      <DataTable
        caption="Audit events"
        columns={COLUMNS}
        rows={result.items}
        rowKey={(event) => event.seq}
        params={params}
        total={result.total}
        toolbar={
          <TableFilter
            params={params}
            filters={FILTERS}
            searchLabel="Search by actor"
            searchPlaceholder="e.g. RAM$wonderland:bob"
          />
        }
        empty="No events yet. Sign-ins, changes and refusals will appear here."
      />
    </>
  );
}
