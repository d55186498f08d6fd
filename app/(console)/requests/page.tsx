import { requestDurationText } from "@/lib/shared/request-duration";
import Link from "next/link";
import { DecideRequestForm } from "@/components/requests/DecideRequestForm";
import { RequestHistory } from "@/components/requests/RequestHistory";
import { RequestStatusBadge } from "@/components/requests/RequestStatusBadge";
import { WithdrawRequestButton } from "@/components/requests/WithdrawRequestButton";
import { Alert } from "@/components/ui/Alert";
import { buttonClasses } from "@/components/ui/Button";
import { DataTable, type Column } from "@/components/ui/DataTable";
import { EmptyState } from "@/components/ui/EmptyState";
import { PageHeader } from "@/components/ui/PageHeader";
import { TableFilter } from "@/components/ui/TableFilter";
import { Tabs } from "@/components/ui/Tabs";
import { parseTableParams, type SearchParamsRecord, type TableFilterDef } from "@/components/ui/table-params";
import { ProjectPicker } from "@/components/console/ProjectPicker";
import { ReadOnlyNote } from "@/components/console/ReadOnlyNote";
import { pageProject } from "@/app/(console)/page-project";
import { guardPage } from "@/lib/endpoint/page-guard";
import { readPage } from "@/lib/endpoint/read-page";
import { listRequestsEndpoint } from "@/lib/services/requests/list-requests";
import type { RequestView } from "@/lib/services/requests/support/request-view";
import { approveRequestAction, denyRequestAction, withdrawRequestAction } from "./actions";

export const metadata = { title: "Requests" };

const DESCRIPTION =
  "Access you asked for, and requests awaiting your decision. An approved request's grant lasts the days asked for; a role, until an administrator revokes it.";

const STATUS_FILTER: TableFilterDef = {
  name: "status",
  label: "Status",
  options: [
    { value: "PENDING", label: "Pending" },
    { value: "APPROVED", label: "Approved" },
    { value: "REJECTED", label: "Denied" },
    { value: "WITHDRAWN", label: "Withdrawn" },
    { value: "EXPIRED", label: "Expired" },
  ],
};

const EXTENSION_WINDOW_MS = 14 * 86_400_000;

type RequestsView = "mine" | "to-approve" | "project";

function requestColumns(view: RequestsView): Column<RequestView>[] {
  return [
    {
      id: "request",
      header: "Request",
      cell: (request) => (
        <span className="grid gap-0.5">
          <span className="font-medium">{request.summary}</span>
          <span className="text-xs text-slate-500">
            in {request.project}
            {view === "mine" ? null : <> · asked by {request.requester}</>} ·{" "}
            {requestDurationText(request.kind, request.days)}
          </span>
        </span>
      ),
    },
    { id: "reason", header: "Reason", cell: (request) => request.reason, className: "max-w-xs" },
    {
      id: "status",
      header: "Status",
      cell: (request) => (
        <span className="grid gap-1">
          <RequestStatusBadge status={request.status} />
          {request.status === "PENDING" ? (
            <span className="text-xs text-slate-500">
              {request.approvals.filter((approval) => approval.decision === "APPROVE").length} of{" "}
              {request.requiredApprovals} approvals
            </span>
          ) : null}
          {request.status === "REJECTED" && request.outcomeComment ? (
            <span className="text-xs text-slate-700">Why: {request.outcomeComment}</span>
          ) : null}
          {request.grantExpiresAt ? (
            <span className="text-xs text-slate-500">until {request.grantExpiresAt.slice(0, 10)}</span>
          ) : null}
          <RequestHistory request={request} />
        </span>
      ),
    },
    {
      id: "createdAt",
      header: "Asked",
      cell: (request) => <time dateTime={request.createdAt}>{request.createdAt.slice(0, 10)}</time>,
      className: "hidden whitespace-nowrap lg:table-cell",
    },
    {
      id: "actions",
      header: "Actions",
      align: "end",
      cell: (request) => {
        // A project's requests are read there (its auditors read and never decide); decisions are made under To approve.
        if (view === "project" || (request.status !== "PENDING" && request.status !== "APPROVED")) return null;
        if (view === "to-approve")
          return request.status === "PENDING" ? (
            <DecideRequestForm
              id={request.id}
              summary={request.summary}
              approveAction={approveRequestAction}
              denyAction={denyRequestAction}
            />
          ) : null;
        if (request.status === "PENDING")
          return <WithdrawRequestButton id={request.id} summary={request.summary} action={withdrawRequestAction} />;
        const expiring =
          request.grantExpiresAt !== null && Date.parse(request.grantExpiresAt) - Date.now() < EXTENSION_WINDOW_MS;
        return expiring ? (
          <Link
            className={buttonClasses("secondary", "sm")}
            href={`/requests/new?project=${encodeURIComponent(request.project)}&kind=${request.kind === "LABEL" ? "label" : "privileges"}&${extensionPrefill(request)}`}
          >
            Extend<span className="sr-only"> {request.summary}</span>
          </Link>
        ) : null;
      },
    },
  ];
}

/** An extension asks again for the same access: the form is prefilled with the approved request's payload. */
function extensionPrefill(request: RequestView): string {
  const payload = request.payload as Record<string, unknown>;
  const fields: Record<string, string> = { reason: `Extend: ${request.reason}` };
  for (const key of ["objectType", "objectName", "table", "level", "package", "role"])
    if (payload[key] !== undefined) fields[key] = String(payload[key]);
  for (const key of ["columns", "privileges"])
    if (Array.isArray(payload[key])) fields[key] = (payload[key] as string[]).join(",");
  return new URLSearchParams(fields).toString();
}

export default async function RequestsPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  const { permissions } = await guardPage(["access.request", "project.inspect"]);
  const query = await searchParams;
  const requests = permissions.has("access.request");
  const inspects = permissions.has("project.inspect");
  // Someone who requests nothing (the account's auditor) reads the projects' requests.
  const view: RequestsView =
    query.view === "project" || !requests ? "project" : query.view === "to-approve" ? "to-approve" : "mine";
  const scope = view === "project" ? await pageProject(query) : null;
  const params = parseTableParams(query, {
    sortable: [],
    defaultSort: { column: "createdAt", dir: "desc" },
    filters: [STATUS_FILTER],
  });
  const result = await readPage(listRequestsEndpoint, {
    scope: view,
    ...(scope ? { project: scope.current } : {}),
    status: params.filters.status,
    page: params.page,
    pageSize: params.pageSize,
  });
  return (
    <>
      <PageHeader
        title="Requests"
        description={DESCRIPTION}
        actions={
          scope ? (
            <ProjectPicker projects={scope.projects} current={scope.current} action="/requests" view="project" />
          ) : requests ? (
            <Link className={buttonClasses("primary", "md")} href="/requests/new">
              Ask for access
            </Link>
          ) : null
        }
      />
      {scope?.readOnly ? <ReadOnlyNote project={scope.current} /> : null}
      <Tabs
        label="Requests"
        current={`/requests?view=${view}`}
        items={[
          ...(requests
            ? [
                { href: "/requests?view=mine", label: "My requests" },
                { href: "/requests?view=to-approve", label: "To approve" },
              ]
            : []),
          ...(inspects ? [{ href: "/requests?view=project", label: "A project's requests" }] : []),
        ]}
      />
      {view === "project" && !scope ? (
        <EmptyState icon="inbox" title="No project yet">
          The account owner creates projects on the Projects page; their requests appear here.
        </EmptyState>
      ) : result.ok ? (
        <DataTable
          caption={
            view === "mine"
              ? "My requests"
              : view === "to-approve"
                ? "Requests to approve"
                : `Requests in ${scope?.current}`
          }
          columns={requestColumns(view)}
          rows={result.data.items}
          rowKey={(request) => request.id}
          params={params}
          total={result.data.total}
          toolbar={<TableFilter params={params} filters={[STATUS_FILTER]} searchLabel="Search requests" />}
          empty={
            view === "project" ? (
              <EmptyState icon="inbox" title="No request here">
                Members ask for access from My access or the Requests page; their requests in this project appear here.
              </EmptyState>
            ) : view === "mine" ? (
              <EmptyState icon="inbox" title="You have asked for nothing yet">
                Ask for access with the button above, from My access, or from a denied Check access answer.
              </EmptyState>
            ) : (
              <EmptyState icon="inbox" title="Nothing awaits your decision">
                Requests in projects you approve for (as their owner or holding an approver role) appear here.
              </EmptyState>
            )
          }
        />
      ) : (
        <Alert tone="danger" role="alert" title={result.error.message} />
      )}
    </>
  );
}
