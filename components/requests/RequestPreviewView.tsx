import { requestDurationText } from "@/lib/shared/request-duration";
import { Badge } from "@/components/ui/Badge";
import type { RequestPreview } from "@/lib/services/requests/preview-request";

type Decision = RequestPreview["questions"][number]["now"];

function DecisionSummary({ title, decision }: { title: string; decision: Decision }) {
  return (
    <div className="grid gap-1.5">
      <h4 className="flex items-center gap-2 text-sm font-medium">
        {title}
        <Badge tone={decision.effect === "Allow" ? "success" : "danger"} dot>
          {decision.effect}
        </Badge>
        <span className="text-xs text-slate-500">decided by {decision.decidedBy}</span>
      </h4>
      <ol className="grid gap-0.5 text-xs text-slate-700">
        {decision.steps.map((step, index) => (
          <li key={index}>
            <strong>{step.layer}</strong>: {step.verdict} — {step.text}
          </li>
        ))}
      </ol>
      {decision.columns.length > 0 ? (
        <p className="text-xs text-slate-600">
          Columns open:{" "}
          {decision.columns
            .filter((column) => column.effect === "Allow")
            .map((column) => column.column)
            .join(", ") || "none"}
        </p>
      ) : null}
    </div>
  );
}

/** What a request would change: each question's decision today and with the requested grant. */
export function RequestPreviewView({ preview }: { preview: RequestPreview }) {
  return (
    <section aria-label="Preview" className="grid gap-4 rounded-md border border-slate-200 p-4">
      <p className="text-sm">
        <strong>{preview.summary}</strong>{" "}
        {requestDurationText(preview.kind, preview.days, preview.expiresAt.slice(0, 10))}, after{" "}
        {preview.requiredApprovals} approval{preview.requiredApprovals === 1 ? "" : "s"}.
      </p>
      {preview.questions.length === 0 ? (
        <p className="text-sm text-slate-600">
          A role opens whatever the role holds; the engine is asked once it is yours.
        </p>
      ) : (
        preview.questions.map((question, index) => (
          <div key={index} className="grid gap-3 sm:grid-cols-2">
            <DecisionSummary title={`${question.action} on ${question.name} today`} decision={question.now} />
            <DecisionSummary title="With the grant" decision={question.withGrant} />
          </div>
        ))
      )}
    </section>
  );
}
