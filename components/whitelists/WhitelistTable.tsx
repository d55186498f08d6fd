import type { ReactNode } from "react";
import type { WhitelistEntryView } from "@/lib/services/whitelists/list-whitelist";

/** A whitelist's entries (a short, bounded list: no paging), with an optional actions column. */
export function WhitelistTable({
  caption,
  entries,
  actions,
}: {
  caption: string;
  entries: WhitelistEntryView[];
  actions?: (entry: WhitelistEntryView) => ReactNode;
}) {
  return (
    <div role="region" aria-label={caption} tabIndex={0} className="overflow-x-auto">
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-xs text-slate-600">
          <tr>
            <th scope="col" className="px-4 py-2 font-medium">
              Entry
            </th>
            <th scope="col" className="px-4 py-2 font-medium">
              Description
            </th>
            <th scope="col" className="hidden px-4 py-2 font-medium md:table-cell">
              Added
            </th>
            {actions ? (
              <th scope="col" className="px-4 py-2 text-right font-medium">
                Actions
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {entries.map((entry) => (
            <tr key={entry.id}>
              <td className="px-4 py-2.5 font-mono text-xs whitespace-nowrap">{entry.value}</td>
              <td className="px-4 py-2.5 text-slate-700">
                {entry.description || <span className="text-slate-500">—</span>}
              </td>
              <td className="hidden px-4 py-2.5 text-xs text-slate-500 md:table-cell">
                <time dateTime={entry.createdAt}>{entry.createdAt.slice(0, 10)}</time>
                {entry.createdBy ? <span className="block font-mono">{entry.createdBy}</span> : null}
              </td>
              {actions ? <td className="px-4 py-2.5">{actions(entry)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
