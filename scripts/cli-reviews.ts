// `cli reviews list|show|decide`: access reviews from the command line, through the same API routes (and so the
// same endpoint definitions) as the console and every other client.
import type { ReviewDetail } from "@/lib/services/reviews/get-review";
import type { ReviewItemView, ReviewSummary } from "@/lib/services/reviews/support/review-view";
import { listQuery, type ApiCall, type Values } from "./cli-api-call";
import { cellText, table } from "./cli-output";

const STATUSES = ["OPEN", "CLOSED"];

/** The call `reviews <sub> ...` stands for, or a sentence saying what is wrong with its arguments. */
export function reviewsCallOf(args: string[], values: Values): ApiCall | string {
  const [sub, ...rest] = args;
  if (typeof values.project !== "string" || values.project === "") return "reviews: name the project with --project.";
  const reviews = `/api/v1/projects/${encodeURIComponent(values.project)}/reviews`;
  switch (sub) {
    case "list": {
      if (rest.length > 0) return "reviews list takes no arguments.";
      const status = typeof values.status === "string" ? values.status.toUpperCase() : undefined;
      if (status !== undefined && !STATUSES.includes(status)) return "reviews list: --status is open or closed.";
      return {
        method: "GET",
        path: reviews,
        query: { ...listQuery(values, { q: "q" }), ...(status ? { status } : {}) },
        render: (data) => renderReviewList(data as { items: ReviewSummary[]; total: number }),
      };
    }
    case "show": {
      const [review, ...extra] = rest;
      if (!review || extra.length > 0) return "reviews show: name one review by its id.";
      return {
        method: "GET",
        path: `${reviews}/${encodeURIComponent(review)}`,
        query: { ...listQuery(values, {}), ...(values.undecided ? { decision: "PENDING" } : {}) },
        render: (data) => renderReview(data as ReviewDetail),
      };
    }
    case "decide": {
      const [review, ...items] = rest;
      if (!review || items.length === 0) return "reviews decide: name the review and at least one item by their ids.";
      if (values.keep === values.revoke) return "reviews decide: give either --keep or --revoke.";
      if (typeof values.comment !== "string" || values.comment.trim() === "")
        return "reviews decide: say why with --comment; reviewers read it in the review's report.";
      return {
        method: "POST",
        path: `${reviews}/${encodeURIComponent(review)}/decisions`,
        body: { items, decision: values.keep ? "keep" : "revoke", comment: values.comment },
      };
    }
    default:
      return "reviews: list, show or decide.";
  }
}

/** A heading line holds a title (at most 200 characters) or a sentence of ours: shown whole, never obeyed. */
const HEADING_MAX = 300;

const minute = (iso: string | null) => (iso ? `${iso.slice(0, 16).replace("T", " ")} UTC` : "");

const progressText = ({ counts }: ReviewSummary) =>
  `${counts.kept} kept, ${counts.revoked} revoked, ${counts.expired} revoked at the deadline, ` +
  `${counts.pending} pending, of ${counts.items}`;

function renderReviewList({ items, total }: { items: ReviewSummary[]; total: number }): string[] {
  return [
    ...table(
      items.map((review) => ({
        id: review.id,
        title: review.title,
        status: review.status,
        deadline: minute(review.deadline),
        kept: review.counts.kept,
        revoked: review.counts.revoked,
        expired: review.counts.expired,
        pending: review.counts.pending,
        items: review.counts.items,
      })),
    ),
    `(${items.length} of ${total})`,
  ];
}

const grantText = (item: ReviewItemView) =>
  `${item.kind === "LABEL" ? `label ${item.level}` : item.privilege} on ${item.objectType} ${item.objectName}` +
  (item.columns.length > 0 ? ` (${item.columns.join(", ")})` : "");

/** A review's heading lines, then its items as a table: who holds what, and what was decided by whom. */
function renderReview({ review, items, total, canDecide }: ReviewDetail): string[] {
  const heading: [string, string][] = [
    ["title", review.title],
    [
      "status",
      review.status === "OPEN"
        ? `open until ${minute(review.deadline)}${canDecide ? "; you review it" : ""}`
        : `closed ${minute(review.closedAt)} (${review.closedReason === "deadline" ? "at its deadline" : `early by ${review.closedBy}`})`,
    ],
    ["progress", progressText(review)],
  ];
  return [
    ...heading.map(([key, value]) => `${key.padEnd(8)}  ${cellText(value, HEADING_MAX)}`),
    "",
    ...table(
      items.map((item) => ({
        id: item.id,
        grantee: `${item.granteeType.toLowerCase()} ${item.principal}`,
        grant: grantText(item),
        decision: item.decision,
        by: item.decidedBy,
        comment: item.comment,
      })),
    ),
    `(${items.length} of ${total})`,
  ];
}
