import Link from "next/link";
import { notFound } from "next/navigation";
import { BulkDecisionForm } from "@/components/reviews/BulkDecisionForm";
import { DecideItemForm } from "@/components/reviews/DecideItemForm";
import { ReviewItemSelection, SelectItemCheckbox, SelectPageCheckbox } from "@/components/reviews/ReviewItemSelection";
import { ReviewProgress } from "@/components/reviews/ReviewProgress";
import { Alert } from "@/components/ui/Alert";
import { Badge } from "@/components/ui/Badge";
import { Card } from "@/components/ui/Card";
import { ConfirmDialog } from "@/components/ui/ConfirmDialog";
import { DataTable, type Column } from "@/components/ui/DataTable";
import { EmptyState } from "@/components/ui/EmptyState";
import { KeyValue } from "@/components/ui/KeyValue";
import { PageHeader } from "@/components/ui/PageHeader";
import { TableFilter } from "@/components/ui/TableFilter";
import { parseTableParams, type SearchParamsRecord, type TableFilterDef } from "@/components/ui/table-params";
import { guardPage } from "@/lib/endpoint/page-guard";
import { readPage } from "@/lib/endpoint/read-page";
import { MAX_BULK_ITEMS } from "@/lib/services/reviews/decide-review-items";
import { getReviewEndpoint } from "@/lib/services/reviews/get-review";
import type { ReviewItemView } from "@/lib/services/reviews/support/review-view";
import { closeReviewAction, decideReviewItemAction, decideReviewItemsAction } from "../actions";

export const metadata = { title: "Access review" };

const DECISION_FILTER: TableFilterDef = {
  name: "decision",
  label: "Decision",
  options: [
    { value: "PENDING", label: "Pending" },
    { value: "KEEP", label: "Kept" },
    { value: "REVOKE", label: "Revoked" },
  ],
};

const when = (iso: string | null) =>
  iso ? <time dateTime={iso}>{`${iso.slice(0, 16).replace("T", " ")} UTC`}</time> : "—";

const grantText = (item: ReviewItemView) => (item.kind === "LABEL" ? `Label ${item.level}` : item.privilege);

const objectText = (item: ReviewItemView) =>
  `${item.objectType} ${item.objectName}${item.columns.length > 0 ? ` (${item.columns.join(", ")})` : ""}`;

const itemSummary = (item: ReviewItemView) => `${grantText(item)} on ${objectText(item)} for ${item.principal}`;

const OUTCOME_NOTE: Record<string, string> = {
  GONE: "the grant had been removed already",
  CHANGED: "the grant had changed since the start; left alone",
};

function decisionCell(item: ReviewItemView) {
  if (item.decision === "PENDING") return <Badge tone="warn">Pending</Badge>;
  const badge =
    item.decision === "KEEP" ? (
      <Badge tone="success">Kept</Badge>
    ) : (
      <Badge tone="danger">{item.decidedBy === "deadline" ? "Revoked at the deadline" : "Revoked"}</Badge>
    );
  return (
    <div className="grid gap-1">
      <span>{badge}</span>
      <span className="text-xs text-slate-600">
        {item.decidedBy === "deadline" ? "nobody kept it" : `by ${item.decidedBy}`}, {when(item.decidedAt)}
        {OUTCOME_NOTE[item.outcome] ? ` — ${OUTCOME_NOTE[item.outcome]}` : ""}
      </span>
      {item.comment ? <span className="text-xs text-slate-700">“{item.comment}”</span> : null}
    </div>
  );
}

function itemColumns(project: string, review: string, canDecide: boolean): Column<ReviewItemView>[] {
  const select: Column<ReviewItemView> = {
    id: "select",
    header: <SelectPageCheckbox />,
    className: "w-10",
    cell: (item) =>
      item.decision === "PENDING" ? <SelectItemCheckbox item={item.id} label={`Select ${itemSummary(item)}`} /> : null,
  };
  const columns: Column<ReviewItemView>[] = [
    ...(canDecide ? [select] : []),
    {
      id: "grantee",
      header: "Grantee",
      cell: (item) => (
        <span>
          {item.principal} <span className="text-xs text-slate-600">({item.granteeType.toLowerCase()})</span>
        </span>
      ),
    },
    { id: "grant", header: "Grant", cell: grantText },
    { id: "object", header: "Object", cell: objectText },
    { id: "expires", header: "Expires", cell: (item) => (item.expiresAt ? item.expiresAt.slice(0, 10) : "never") },
    { id: "decision", header: "Decision", cell: decisionCell },
  ];
  if (canDecide)
    columns.push({
      id: "decide",
      header: "Keep or revoke",
      cell: (item) =>
        item.decision === "PENDING" ? (
          <DecideItemForm
            project={project}
            review={review}
            item={item.id}
            summary={itemSummary(item)}
            action={decideReviewItemAction}
          />
        ) : null,
    });
  return columns;
}

/** One access review: its progress (or, closed, its report) and its items, a page at a time. */
export default async function ReviewPage({
  params: routeParams,
  searchParams,
}: {
  params: Promise<{ review: string }>;
  searchParams: Promise<SearchParamsRecord>;
}) {
  await guardPage();
  const [{ review: reviewId }, query] = await Promise.all([routeParams, searchParams]);
  if (typeof query.project !== "string") notFound();
  const params = parseTableParams(query, {
    sortable: [],
    defaultSort: { column: "position", dir: "asc" },
    filters: [DECISION_FILTER],
  });
  const read = await readPage(getReviewEndpoint, {
    project: query.project,
    review: reviewId,
    decision: params.filters.decision,
    principal: params.q,
    page: params.page,
    pageSize: params.pageSize,
  });
  if (!read.ok) {
    return (
      <>
        <PageHeader title="Access review" />
        <Alert tone="danger" role="alert" title={read.error.message} />
      </>
    );
  }
  const { project, review, canDecide, canClose, items, total } = read.data;
  const closed = review.status === "CLOSED";
  return (
    <>
      <PageHeader
        title={review.title}
        description={`Access review of ${project}'s grants. ${closed ? "Closed: this is its report." : `Open until ${review.deadline.slice(0, 16).replace("T", " ")} UTC; what nobody keeps by then is revoked.`}`}
        actions={
          <Link
            className="text-sm font-medium text-accent-700 underline"
            href={`/reviews?project=${encodeURIComponent(project)}`}
          >
            All reviews of {project}
          </Link>
        }
      />
      <div className="mb-6 grid gap-6 lg:grid-cols-2">
        <Card title={closed ? "Report" : "Progress"}>
          <div className="grid gap-4">
            <ReviewProgress counts={review.counts} />
            {closed ? (
              <p className="text-sm text-slate-700" data-testid="review-report">
                Closed {review.closedReason === "deadline" ? "at its deadline" : `early by ${review.closedBy}`},{" "}
                {when(review.closedAt)}: {review.counts.kept} kept, {review.counts.revoked} revoked by reviewers,{" "}
                {review.counts.expired} revoked because nobody kept them. Each decision is listed below with who made
                it.
              </p>
            ) : null}
            {canClose ? (
              <div>
                <ConfirmDialog
                  triggerLabel="Close review now"
                  triggerVariant="secondary"
                  title={`Close “${review.title}” now?`}
                  confirmLabel="Close and revoke the undecided"
                  action={closeReviewAction}
                  fields={{ project, review: review.id }}
                  successMessage="Review closed"
                >
                  It ends as its deadline would: the {review.counts.pending} grants nobody decided are revoked now, and
                  the report is kept. Decisions cannot be changed afterwards.
                </ConfirmDialog>
              </div>
            ) : null}
          </div>
        </Card>
        <Card title="About this review">
          <KeyValue
            items={[
              {
                label: "Started",
                value: (
                  <>
                    {review.startedBy}, {when(review.createdAt)}
                  </>
                ),
              },
              { label: "Deadline", value: when(review.deadline) },
              {
                label: "Reviewers",
                value: `The owner of ${project}${review.reviewerRoles.length ? ` and the holders of ${review.reviewerRoles.join(", ")}` : ""}; nobody reviews their own grants.`,
              },
              {
                label: "Scope",
                value:
                  [
                    review.scope.principal && `grants of ${review.scope.principal}`,
                    review.scope.objectPrefix && `objects starting with “${review.scope.objectPrefix}”`,
                  ]
                    .filter(Boolean)
                    .join(", ") || "every unexpired grant",
              },
            ]}
          />
        </Card>
      </div>
      {!canDecide && !closed ? (
        <Alert tone="info" title="You read this review; its reviewers decide it." className="mb-4" />
      ) : null}
      {/* A new page, filter or search starts with nothing selected. */}
      <ReviewItemSelection
        key={`${params.page}:${params.pageSize}:${params.q}:${params.filters.decision ?? ""}`}
        selectable={canDecide ? items.filter((item) => item.decision === "PENDING").map((item) => item.id) : []}
      >
        <DataTable
          caption={`Items of the review ${review.title}`}
          columns={itemColumns(project, review.id, canDecide)}
          rows={items}
          rowKey={(item) => item.id}
          params={params}
          total={total}
          toolbar={
            <div className="grid gap-4">
              <TableFilter
                params={params}
                filters={[DECISION_FILTER]}
                searchLabel="Search items"
                searchPlaceholder="Grantee"
              />
              {canDecide ? (
                <BulkDecisionForm
                  project={project}
                  review={review.id}
                  maxItems={MAX_BULK_ITEMS}
                  action={decideReviewItemsAction}
                />
              ) : null}
            </div>
          }
          empty={
            <EmptyState icon="inbox" title="No items">
              This review holds no grant.
            </EmptyState>
          }
        />
      </ReviewItemSelection>
    </>
  );
}
