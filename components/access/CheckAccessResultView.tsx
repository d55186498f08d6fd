import type { CheckAccessResult } from "@/lib/services/access/check-access";
import { denialOf } from "@/lib/shared/access-source";
import { RequestThisAccessLink } from "@/components/requests/RequestThisAccessLink";
import { Alert } from "@/components/ui/Alert";
import { KeyValue } from "@/components/ui/KeyValue";
import { formatInstant } from "./format-instant";
import { LAYER_NAMES } from "./layer-words";
import { StaticTable } from "./StaticTable";
import { VerdictBanner } from "./VerdictBanner";
import { EffectBadge, VerdictBadge } from "./VerdictBadge";

type Step = CheckAccessResult["decision"]["steps"][number];
type ColumnVerdict = CheckAccessResult["decision"]["columns"][number];

/** The engine's answer to a check: the verdict first, then every layer's step and each column's verdict. */
export function CheckAccessResultView({
  result,
  columnLabels,
}: {
  result: CheckAccessResult;
  columnLabels: ReadonlyMap<string, number>;
}) {
  const { decision, request, principal } = result;
  const allowed = decision.effect === "Allow";
  // A column's own words read better than the step's summary of several columns.
  const deciding =
    decision.columns.find((column) => column.effect === decision.effect && column.decidedBy === decision.decidedBy) ??
    (allowed
      ? decision.steps.find((step) => step.layer === decision.decidedBy && step.verdict === "Allow")
      : denialOf(decision));
  const object = `${request.objectType.toLowerCase()} ${request.objectProject ? `${request.objectProject}.` : ""}${request.objectName}`;
  const what = request.columns ? `${request.columns.join(", ")} of ${object}` : object;
  return (
    <div className="grid gap-5">
      <VerdictBanner allowed={allowed}>
        <p className="text-sm text-slate-800">
          <strong>{principal.principal}</strong> {allowed ? "may" : "may not"} <strong>{request.action}</strong> {what}.
        </p>
        <p className="text-sm text-slate-700">
          Decided by <strong>{LAYER_NAMES[decision.decidedBy]}</strong>
          {deciding ? `: ${deciding.text}` : null}
        </p>
        {allowed || request.objectProject ? null : <RequestThisAccessLink project={result.project} request={request} />}
      </VerdictBanner>

      {decision.errors.length > 0 ? (
        <Alert tone="warn" title="Some rules could not be evaluated, so they could not grant anything">
          <ul className="list-disc pl-5">
            {decision.errors.map((error) => (
              <li key={error}>{error}</li>
            ))}
          </ul>
        </Alert>
      ) : null}

      <KeyValue
        columns={2}
        items={[
          {
            label: "Principal",
            value: principal.known
              ? `${principal.displayName} (${principal.principal})`
              : `${principal.principal} — not a user this project knows`,
          },
          { label: "Project", value: result.project },
          { label: "Source IP", value: request.sourceIp },
          { label: "Time", value: formatInstant(request.time) },
          { label: "Destination project", value: request.targetProject },
        ]}
      />

      <div className="grid gap-2">
        <h3 className="text-sm font-semibold text-slate-900">How each layer decided</h3>
        <StaticTable<Step>
          caption="How each layer decided"
          rows={decision.steps}
          rowKey={(step) => step.layer}
          columns={[
            {
              header: "Layer",
              cell: (step) => <span className="font-medium whitespace-nowrap">{LAYER_NAMES[step.layer]}</span>,
            },
            { header: "Verdict", cell: (step) => <VerdictBadge verdict={step.verdict} /> },
            { header: "Why", cell: (step) => step.text },
            {
              header: "Rule",
              cell: (step) =>
                step.ruleId ? <code className="text-xs break-all text-slate-600">{step.ruleId}</code> : "—",
              className: "hidden lg:table-cell",
            },
          ]}
        />
      </div>

      {decision.columns.length > 0 ? (
        <div className="grid gap-2">
          <h3 className="text-sm font-semibold text-slate-900">Column by column</h3>
          <StaticTable<ColumnVerdict>
            caption="Column by column"
            rows={decision.columns}
            rowKey={(column) => column.column}
            columns={[
              { header: "Column", cell: (column) => <span className="font-mono text-xs">{column.column}</span> },
              { header: "Label", cell: (column) => columnLabels.get(column.column) ?? "—" },
              { header: "Verdict", cell: (column) => <EffectBadge effect={column.effect} /> },
              { header: "Decided by", cell: (column) => LAYER_NAMES[column.decidedBy] },
              { header: "Why", cell: (column) => column.text },
            ]}
          />
        </div>
      ) : null}
    </div>
  );
}
