import { Alert } from "@/components/ui/Alert";
import type { AccessChange, DryRunResult } from "@/lib/services/policies/dry-run-policy";

/** Who would gain and who would lose which access if the proposed policy were saved. */
export function DryRunReport({ result }: { result: DryRunResult }) {
  const at = result.context.time.slice(11, 16);
  return (
    <section aria-label="Dry run result" className="grid gap-3">
      <p className="text-xs text-slate-600">
        Checked {result.evaluated.toLocaleString("en-US")} of {result.total.toLocaleString("en-US")} combinations:{" "}
        {result.members} {result.members === 1 ? "person" : "people"} × {result.objects} objects × each object&apos;s
        privileges, as requests from {result.context.sourceIp ?? "an unknown address"} at {at} UTC. A request carries no
        task type, target project or referer, so conditions on those keys are not met: an Allow under them grants
        nothing, a Deny under them still denies.
      </p>
      {result.truncated ? (
        <Alert tone="warn" title="Partial dry run">
          Only the first {result.limit.toLocaleString("en-US")} combinations were checked; changes beyond them are not
          listed.
        </Alert>
      ) : null}
      {result.gains.length === 0 && result.losses.length === 0 ? (
        <Alert tone="success" title="Nobody gains or loses access">
          The proposed policy decides every checked request as the current one does.
        </Alert>
      ) : (
        <>
          <ChangeList title="Who loses access" tone="text-danger-700" changes={result.losses} />
          <ChangeList title="Who gains access" tone="text-success-700" changes={result.gains} />
        </>
      )}
    </section>
  );
}

function ChangeList({ title, tone, changes }: { title: string; tone: string; changes: AccessChange[] }) {
  return (
    <div className="grid gap-1.5">
      <h3 className={`text-sm font-semibold ${tone}`}>
        {title} ({changes.length})
      </h3>
      {changes.length === 0 ? (
        <p className="text-xs text-slate-500">Nobody.</p>
      ) : (
        <div
          role="region"
          aria-label={title}
          tabIndex={0}
          className="max-h-72 overflow-auto rounded-md border border-slate-200"
        >
          <table className="w-full text-left text-xs">
            <thead className="sticky top-0 bg-slate-50 text-slate-600">
              <tr>
                <th scope="col" className="px-3 py-1.5 font-medium">
                  Who
                </th>
                <th scope="col" className="px-3 py-1.5 font-medium">
                  Privilege
                </th>
                <th scope="col" className="px-3 py-1.5 font-medium">
                  Object
                </th>
                <th scope="col" className="px-3 py-1.5 font-medium">
                  Columns
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {changes.map((change) => (
                <tr key={`${change.principal}/${change.objectType}/${change.objectName}/${change.privilege}`}>
                  <td className="px-3 py-1.5 font-mono">{change.principal}</td>
                  <td className="px-3 py-1.5">{change.privilege}</td>
                  <td className="px-3 py-1.5">
                    <span className="text-slate-500">{change.objectType}</span> {change.objectName}
                  </td>
                  <td className="px-3 py-1.5">{change.columns === null ? "all" : change.columns.join(", ")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
