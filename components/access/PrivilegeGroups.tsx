import type { Privilege } from "@/lib/authz";
import type { HeldPrivilege } from "@/lib/services/access/effective-permissions";
import { Badge } from "@/components/ui/Badge";
import { SourceList } from "./SourceList";

/** Privileges that share their columns and sources, shown once: "Describe Select … from Role analyst". */
function groupsOf(privileges: readonly HeldPrivilege[]) {
  const groups = new Map<string, { privileges: Privilege[]; held: HeldPrivilege }>();
  for (const held of privileges) {
    const key = JSON.stringify([
      held.columns,
      held.sources.map((source) => [source.layer, source.ruleId, source.columns]),
    ]);
    const group = groups.get(key);
    if (group) group.privileges.push(held.privilege);
    else groups.set(key, { privileges: [held.privilege], held });
  }
  return [...groups.values()];
}

export function PrivilegeGroups({
  privileges,
  columnCount,
}: {
  privileges: readonly HeldPrivilege[];
  columnCount: number;
}) {
  if (privileges.length === 0) return <span className="text-slate-500">No privileges</span>;
  return (
    <ul className="grid gap-3">
      {groupsOf(privileges).map(({ privileges: names, held }) => (
        <li key={names.join()} className="grid gap-1">
          <span className="flex flex-wrap items-center gap-1">
            {names.map((name) => (
              <Badge key={name} tone="accent">
                {name}
              </Badge>
            ))}
            {held.columns ? (
              <span className="text-xs text-slate-600">
                on {held.columns.length} of {columnCount} columns
              </span>
            ) : null}
          </span>
          <SourceList sources={held.sources} />
        </li>
      ))}
    </ul>
  );
}
