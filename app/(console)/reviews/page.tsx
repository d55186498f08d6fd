import Link from "next/link";
import { ProjectPicker } from "@/components/console/ProjectPicker";
import { StartReviewForm } from "@/components/reviews/StartReviewForm";
import { Alert } from "@/components/ui/Alert";
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
import { listReviewsEndpoint } from "@/lib/services/reviews/list-reviews";
import type { ReviewSummary } from "@/lib/services/reviews/support/review-view";
import { startReviewAction } from "./actions";

export const metadata = { title: "Access reviews" };

const DESCRIPTION =
  "Recertify a project's grants: reviewers keep or revoke each ACL and label grant; what nobody kept by the deadline is revoked, and the review's report is kept.";

const STATUS_FILTER: TableFilterDef = {
  name: "status",
  label: "Status",
  options: [
    { value: "OPEN", label: "Open" },
    { value: "CLOSED", label: "Closed" },
  ],
};

const day = (iso: string) => <time dateTime={iso}>{iso.slice(0, 10)}</time>;

function reviewColumns(project: string): Column<ReviewSummary>[] {
  return [
    {
      id: "title",
      header: "Review",
      cell: (review) => (
        <Link
          className="font-medium text-accent-700 underline"
          href={`/reviews/${review.id}?project=${encodeURIComponent(project)}`}
        >
          {review.title}
        </Link>
      ),
    },
    {
      id: "status",
      header: "Status",
      cell: (review) =>
        review.status === "OPEN" ? <Badge tone="accent">Open</Badge> : <Badge tone="neutral">Closed</Badge>,
    },
    {
      id: "progress",
      header: "Kept / revoked / pending",
      cell: (review) =>
        `${review.counts.kept} / ${review.counts.revoked + review.counts.expired} / ${review.counts.pending} of ${review.counts.items}`,
    },
    { id: "deadline", header: "Deadline", cell: (review) => day(review.deadline), className: "whitespace-nowrap" },
    { id: "startedBy", header: "Started by", cell: (review) => review.startedBy },
  ];
}

/** A project's access reviews, a page at a time, and the form that starts one (its administrators). */
export default async function ReviewsPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  await guardPage();
  const query = await searchParams;
  const params = parseTableParams(query, {
    sortable: [],
    defaultSort: { column: "created", dir: "desc" },
    filters: [STATUS_FILTER],
  });
  const read = await readPage(listReviewsEndpoint, {
    project: typeof query.project === "string" ? query.project : undefined,
    status: params.filters.status,
    q: params.q,
    page: params.page,
    pageSize: params.pageSize,
  });
  if (!read.ok) {
    return (
      <>
        <PageHeader title="Access reviews" description={DESCRIPTION} />
        <Card>
          <EmptyState icon="lock" title="No access reviews to show">
            {read.error.message} A project&apos;s administrators, its reviewers and the account&apos;s Auditor read its
            reviews; choose another project or ask its owner.
          </EmptyState>
        </Card>
      </>
    );
  }
  const { items, total, project, projects, canStart } = read.data;
  return (
    <>
      <PageHeader
        title={`Access reviews of ${project}`}
        description={DESCRIPTION}
        actions={<ProjectPicker projects={projects} current={project} action="/reviews" />}
      />
      <MainWithAside
        aside={
          canStart ? (
            <Card
              title="Start a review"
              description="Every unexpired grant in scope becomes an item. The project's approvers review them."
            >
              <StartReviewForm action={startReviewAction} project={project} />
            </Card>
          ) : (
            <Alert tone="info" title="Read only">
              The project&apos;s owner, Super_Administrators and Admins start reviews; its approvers decide them. You
              may read every review and its report.
            </Alert>
          )
        }
      >
        <DataTable
          caption={`Access reviews of ${project}`}
          columns={reviewColumns(project)}
          rows={items}
          rowKey={(review) => review.id}
          params={params}
          total={total}
          toolbar={
            <TableFilter
              params={params}
              filters={[STATUS_FILTER]}
              searchLabel="Search reviews"
              searchPlaceholder="Title"
            />
          }
          empty={
            <EmptyState icon="clipboard-check" title="No access review yet">
              {canStart
                ? "Start one with the form beside this list: choose a deadline, and optionally narrow it to one grantee or an object prefix."
                : `Nobody has started a review of ${project} yet; its administrators start them.`}
            </EmptyState>
          }
        />
      </MainWithAside>
    </>
  );
}
