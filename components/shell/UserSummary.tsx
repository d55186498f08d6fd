import { Badge } from "@/components/ui/Badge";
import { Icon } from "@/components/ui/icons";
import type { ShellUser } from "./AppShell";

function initials(name: string) {
  const parts = name.trim().split(/\s+/);
  return ((parts[0]?.[0] ?? "") + (parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? "") : "")).toUpperCase() || "?";
}

/** Who is signed in, in which tenant, with which role: the context every authorization decision depends on. */
export function UserSummary({ user }: { user: ShellUser }) {
  return (
    <div className="flex min-w-0 items-center gap-3">
      <span className="hidden items-center gap-1.5 rounded-md border border-slate-200 bg-slate-50 px-2 py-1 text-xs text-slate-700 md:inline-flex">
        <Icon name="globe" className="size-3.5 text-slate-400" />
        <span className="sr-only">Tenant:</span>
        <span className="max-w-40 truncate font-medium">{user.tenant}</span>
      </span>
      <span
        aria-hidden="true"
        className="flex size-8 shrink-0 items-center justify-center rounded-full bg-slate-800 text-xs font-semibold text-white"
      >
        {initials(user.name)}
      </span>
      <span className="hidden min-w-0 leading-tight sm:grid">
        <span className="truncate text-sm font-medium text-slate-900">{user.name}</span>
        <span className="truncate text-xs text-slate-500">{user.email}</span>
      </span>
      <span className="sr-only sm:hidden">{user.name}</span>
      <Badge tone="accent">{user.roleLabel}</Badge>
    </div>
  );
}
