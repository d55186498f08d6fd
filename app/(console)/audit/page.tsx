import Link from "next/link";
import { forbidden } from "next/navigation";
import { StaticTable, type StaticColumn } from "@/components/access/StaticTable";
import { AuditActivityChart } from "@/components/audit/AuditActivityChart";
import { AuditCharts } from "@/components/audit/AuditCharts";
import { ExportLinks } from "@/components/audit/ExportLinks";
import { AuditFilterForm } from "@/components/audit/AuditFilterForm";
import { auditApiInput, auditQueryOf, queryString } from "@/components/audit/audit-query";
import { NewEventsNotice } from "@/components/audit/NewEventsNotice";
import { VerificationRunsTable } from "@/components/audit/VerificationRunsTable";
import { VerifyChainButton } from "@/components/audit/VerifyChainButton";
import { Badge } from "@/components/ui/Badge";
import { buttonClasses } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { PageHeader } from "@/components/ui/PageHeader";
import { Tabs } from "@/components/ui/Tabs";
import type { SearchParamsRecord } from "@/components/ui/table-params";
import { guardPage } from "@/lib/endpoint/page-guard";
import { readPage } from "@/lib/endpoint/read-page";
import { auditActivityEndpoint } from "@/lib/services/audit/audit-activity";
import { auditChartsEndpoint } from "@/lib/services/audit/audit-charts";
import { listAuditEventsEndpoint, type listAuditEvents } from "@/lib/services/audit/list-audit-events";
import { AUDIT_TABS } from "./audit-tabs";

export const metadata = { title: "Audit log" };

type AuditRow = Awaited<ReturnType<typeof listAuditEvents>>["items"][number];

const RESULT_TONE = { SUCCESS: "success", DENIED: "danger", FAILED: "warn" } as const;
const CHART_DAYS = ["7", "30", "90"] as const;

const COLUMNS: StaticColumn<AuditRow>[] = [
  {
    header: "#",
    cell: (event) => (
      <Link href={`/audit/events/${event.seq}`} className="tabular-nums text-accent-700 underline">
        {event.seq}
      </Link>
    ),
  },
  { header: "Time (UTC)", cell: (event) => <time dateTime={event.at}>{event.at.replace("T", " ").slice(0, 19)}</time> },
  { header: "Actor", cell: (event) => <code className="text-xs">{event.actor}</code> },
  { header: "Action", cell: (event) => event.action },
  { header: "Target", cell: (event) => event.target, className: "hidden lg:table-cell" },
  { header: "Result", cell: (event) => <Badge tone={RESULT_TONE[event.result]}>{event.result}</Badge> },
  { header: "Reason", cell: (event) => event.reason, className: "hidden xl:table-cell" },
  { header: "Source IP", cell: (event) => event.sourceIp, className: "hidden md:table-cell" },
];

export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  await guardPage("audit.read");
  const params = await searchParams;
  const query = auditQueryOf(params);
  const before = typeof params.before === "string" ? params.before : undefined;
  const days = CHART_DAYS.find((value) => value === params.days) ?? "30";
  const [events, activityRead, chartsRead] = await Promise.all([
    readPage(listAuditEventsEndpoint, { ...auditApiInput(query), before }, { invalidInputIsAnswer: true }),
    readPage(auditActivityEndpoint, { days: 30 }),
    readPage(auditChartsEndpoint, { days }),
  ]);
  // guardPage let only auditors in; the service refusing one anyway is the 403 page, as for anyone else.
  if ((!events.ok && events.error.code !== "INVALID_INPUT") || !activityRead.ok || !chartsRead.ok) forbidden();
  const exportHref = (format: "csv" | "json") =>
    `/api/v1/audit/export${queryString({ format, ...auditApiInput(query) })}`;
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every change, sign-in and refusal in your account, hash-chained so no one can quietly alter it."
      />
      <Tabs items={AUDIT_TABS} current="/audit" label="Audit sections" />
      <Card title="Integrity" className="mb-6">
        <p className="mb-3 text-sm text-slate-600">
          Checks every event of your account&apos;s chain against its hash and the one before it, up to the newest event
          when you start it. A long chain takes minutes: the check goes on on the server, and its verdict is recorded in
          the chain; the server also runs it on a schedule.
        </p>
        <VerifyChainButton />
        <VerificationRunsTable />
      </Card>
      <Card title="Activity" className="mb-6">
        <AuditActivityChart activity={activityRead.data} />
      </Card>
      <Card title="Decisions and changes" className="mb-6">
        <nav aria-label="Chart range" className="mb-3 flex gap-2 text-sm">
          {CHART_DAYS.map((value) => (
            <Link
              key={value}
              href={`/audit${queryString({ ...query, days: value })}`}
              aria-current={value === days ? "page" : undefined}
              className={buttonClasses(value === days ? "primary" : "ghost", "sm")}
            >
              {value} days
            </Link>
          ))}
        </nav>
        <AuditCharts charts={chartsRead.data} />
      </Card>
      <Card title="Events" className="mb-6">
        <AuditFilterForm query={query} errors={events.ok ? undefined : events.error.fieldErrors} />
      </Card>
      {events.ok ? <NewEventsNotice newestSeq={events.data.newestSeq} /> : null}
      <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
        <ExportLinks hrefs={{ csv: exportHref("csv"), json: exportHref("json") }} />
        <nav aria-label="Event pages" className="flex gap-2">
          {before ? (
            <Link href={`/audit${queryString(query)}`} className={buttonClasses("ghost", "sm")}>
              Newest
            </Link>
          ) : null}
          {events.ok && events.data.nextBefore ? (
            <Link
              href={`/audit${queryString({ ...query, before: events.data.nextBefore })}`}
              className={buttonClasses("secondary", "sm")}
            >
              Older events
            </Link>
          ) : null}
        </nav>
      </div>
      {!events.ok ? (
        <p className="text-sm text-danger-700">Some filters need attention: see the fields above.</p>
      ) : events.data.items.length === 0 ? (
        <p className="rounded-md border border-dashed border-slate-200 p-6 text-center text-sm text-slate-500">
          {Object.keys(query).length > 0
            ? "No event matches these filters. Widen the time range or clear a filter."
            : "No events yet. Sign-ins, changes and refusals will appear here."}
        </p>
      ) : (
        <StaticTable caption="Audit events" columns={COLUMNS} rows={events.data.items} rowKey={(event) => event.seq} />
      )}
    </>
  );
}
