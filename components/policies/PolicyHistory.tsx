import { EmptyState } from "@/components/ui/EmptyState";
import type { PolicyVersionEntry } from "@/lib/services/policies/get-policy";

/** The policy's saved versions, newest first: who saved each and when, with the document as it was. */
export function PolicyHistory({ history }: { history: PolicyVersionEntry[] }) {
  if (history.length === 0) {
    return (
      <EmptyState icon="file-text" title="Never saved">
        Write the policy above, run the dry run and save it: its versions appear here.
      </EmptyState>
    );
  }
  return (
    <ol className="grid gap-2" aria-label="Policy versions">
      {history.map((entry) => (
        <li key={entry.version} className="rounded-md border border-slate-200">
          <details>
            <summary className="flex cursor-pointer flex-wrap items-baseline gap-x-2 px-3 py-2 text-sm">
              <span className="font-semibold">Version {entry.version}</span>
              <span className="text-slate-600">
                saved by <span className="font-mono text-xs">{entry.createdBy}</span> on{" "}
                <time dateTime={entry.createdAt}>{entry.createdAt.slice(0, 16).replace("T", " ")} UTC</time>
              </span>
            </summary>
            <pre className="max-h-80 overflow-auto border-t border-slate-200 bg-slate-50 px-3 py-2 font-mono text-xs">
              {entry.document}
            </pre>
          </details>
        </li>
      ))}
    </ol>
  );
}
