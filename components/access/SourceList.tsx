import type { AccessSource } from "@/lib/services/access/support/access-source";

/** Where allowed privileges come from: the short name, then the engine's description of the rule. */
export function SourceList({ sources }: { sources: readonly AccessSource[] }) {
  return (
    <ul className="grid gap-1">
      {sources.map((source) => (
        <li key={`${source.layer}:${source.ruleId}:${source.columns?.join(",")}`} className="grid text-xs">
          <span className="text-slate-700">
            from <strong className="font-semibold text-slate-900">{source.label}</strong>
            {source.columns ? ` (${source.columns.join(", ")})` : null}
          </span>
          <span className="break-words text-slate-500">{source.text}</span>
        </li>
      ))}
    </ul>
  );
}
