import { ProjectPicker } from "@/components/console/ProjectPicker";
import { ReadOnlyNote } from "@/components/console/ReadOnlyNote";
import { NoProjectToManage, NotAdministered } from "@/components/console/ProjectNotices";
import { Badge } from "@/components/ui/Badge";
import { Card } from "@/components/ui/Card";
import { ConfirmDialog } from "@/components/ui/ConfirmDialog";
import { DataTable, type Column } from "@/components/ui/DataTable";
import { EmptyState } from "@/components/ui/EmptyState";
import { MainWithAside } from "@/components/ui/MainWithAside";
import { PageHeader } from "@/components/ui/PageHeader";
import { parseTableParams, type SearchParamsRecord } from "@/components/ui/table-params";
import { WebhookForm } from "@/components/webhooks/WebhookForm";
import { guardPage } from "@/lib/endpoint/page-guard";
import { readPage } from "@/lib/endpoint/read-page";
import { getWebhookEndpoint, type DeliveryState } from "@/lib/services/webhooks/get-webhook";
import { pageProject } from "@/app/(console)/page-project";
import { removeWebhookAction, setWebhookAction } from "./actions";

export const metadata = { title: "Webhooks" };

const DESCRIPTION =
  "Send each audited change of the project to a URL of yours, signed, retried with backoff, never delaying the change itself.";

type Delivery = {
  id: string;
  event: string;
  createdAt: Date;
  state: DeliveryState;
  attempts: number;
  nextAttemptAt: Date | null;
  lastStatus: number | null;
  lastError: string | null;
};

const STATE_BADGES: Record<DeliveryState, { tone: "success" | "neutral" | "warn" | "danger"; label: string }> = {
  delivered: { tone: "success", label: "Delivered" },
  pending: { tone: "neutral", label: "Queued" },
  retrying: { tone: "warn", label: "Retrying" },
  abandoned: { tone: "danger", label: "Abandoned" },
};

const time = (date: Date) => {
  const iso = new Date(date).toISOString();
  return <time dateTime={iso}>{`${iso.slice(0, 19).replace("T", " ")} UTC`}</time>;
};

function deliveryColumns(maxAttempts: number): Column<Delivery>[] {
  return [
    { id: "id", header: "Delivery", cell: (row) => <code className="text-xs">{row.id}</code> },
    { id: "event", header: "Event", cell: (row) => <code className="text-xs">{row.event}</code> },
    { id: "created", header: "Queued", cell: (row) => time(row.createdAt), className: "whitespace-nowrap" },
    {
      id: "state",
      header: "State",
      cell: (row) => <Badge tone={STATE_BADGES[row.state].tone}>{STATE_BADGES[row.state].label}</Badge>,
    },
    { id: "attempts", header: "Attempts", cell: (row) => `${row.attempts} of ${maxAttempts}` },
    {
      id: "last",
      header: "Last answer",
      cell: (row) =>
        row.lastError ? (
          <span className="text-xs text-slate-600">{row.lastError}</span>
        ) : row.lastStatus ? (
          `HTTP ${row.lastStatus}`
        ) : (
          "—"
        ),
    },
    {
      id: "next",
      header: "Next attempt",
      cell: (row) => (row.nextAttemptAt ? time(row.nextAttemptAt) : "—"),
      className: "whitespace-nowrap",
    },
  ];
}

/** A project's webhook: its URL and switch, and its outbox's deliveries, a page at a time. */
export default async function WebhooksPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  await guardPage("project.inspect");
  const query = await searchParams;
  const scope = await pageProject(query);
  if (!scope) return <NoProjectToManage title="Webhooks" description={DESCRIPTION} />;
  const params = parseTableParams(query, { sortable: [], defaultSort: { column: "id", dir: "desc" }, filters: [] });
  const read = await readPage(getWebhookEndpoint, {
    project: scope.current,
    page: params.page,
    pageSize: params.pageSize,
  });
  const header = (
    <PageHeader
      title={`Webhook of ${scope.current}`}
      description={DESCRIPTION}
      actions={<ProjectPicker projects={scope.projects} current={scope.current} action="/webhooks" />}
    />
  );
  if (!read.ok) {
    return (
      <>
        {header}
        <NotAdministered project={scope.current} reason={read.error.message} />
      </>
    );
  }
  const { webhook, items, total, maxAttempts } = read.data;
  return (
    <>
      {header}
      {scope.readOnly ? <ReadOnlyNote project={scope.current} /> : null}
      <MainWithAside
        aside={
          scope.readOnly ? (
            <Card title="Webhook">
              <p className="text-sm text-slate-600">
                {webhook
                  ? `Deliveries go to ${webhook.url} (${webhook.enabled ? "sent" : "paused"}).`
                  : "No webhook: changes of this project are sent nowhere."}
              </p>
            </Card>
          ) : (
            <Card
              title={webhook ? "Webhook" : "Create a webhook"}
              description={
                webhook
                  ? `Deliveries go to ${webhook.url} (${webhook.enabled ? "sent" : "paused"}).`
                  : "No webhook yet: changes of this project are sent nowhere."
              }
            >
              <WebhookForm action={setWebhookAction} project={scope.current} current={webhook} />
              {webhook ? (
                <div className="mt-4">
                  <ConfirmDialog
                    triggerLabel="Remove webhook"
                    triggerVariant="danger"
                    title={`Remove the webhook of ${scope.current}?`}
                    confirmLabel="Remove"
                    action={removeWebhookAction}
                    fields={{ project: scope.current }}
                    successMessage="Webhook removed"
                  >
                    Its secret and its deliveries&apos; history are deleted; queued deliveries are not sent.
                  </ConfirmDialog>
                </div>
              ) : null}
            </Card>
          )
        }
      >
        <DataTable
          caption={`Deliveries of ${scope.current}'s webhook`}
          columns={deliveryColumns(maxAttempts)}
          rows={items}
          rowKey={(row) => row.id}
          params={params}
          total={total}
          empty={
            <EmptyState icon="inbox" title="No delivery yet">
              {scope.readOnly
                ? "Nothing has been sent."
                : webhook
                  ? "The next audited change of this project (a grant, a member added…) is queued here."
                  : "Create the webhook with the form beside this list; its first delivery is queued at once."}
            </EmptyState>
          }
        />
      </MainWithAside>
    </>
  );
}
