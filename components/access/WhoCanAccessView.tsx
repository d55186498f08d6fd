import Link from "next/link";
import type { MemberVerdict, WhoCanAccess } from "@/lib/services/access/who-can-access";
import { buttonClasses } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { formatInstant } from "./format-instant";
import { LayerBarChart } from "./LayerBarChart";
import { LAYER_NAMES } from "./layer-words";
import { SourceList } from "./SourceList";
import { StaticTable, type StaticColumn } from "./StaticTable";

const member: StaticColumn<MemberVerdict> = {
  header: "Member",
  cell: ({ user }) => (
    <span className="grid">
      <span className="font-medium">{user.displayName}</span>
      <code className="text-xs text-slate-500">{user.principal}</code>
    </span>
  ),
};
const decidedBy: StaticColumn<MemberVerdict> = {
  header: "Decided by",
  cell: (verdict) => LAYER_NAMES[verdict.decidedBy],
};

const number = new Intl.NumberFormat("en-US");

/**
 * Who may (and may not) perform a privilege on a table or column, with a per-layer chart over every member, and
 * one page of the allowed or the denied. `hrefFor` gives the link to another list or page, the question kept.
 */
export function WhoCanAccessView({
  data,
  hrefFor,
}: {
  data: WhoCanAccess;
  hrefFor: (change: { effect?: "Allow" | "Deny"; page?: number }) => string;
}) {
  const target = data.object.column ? `${data.object.name}.${data.object.column}` : data.object.name;
  const counts = data.byLayer.map((row) => ({
    label: LAYER_NAMES[row.layer],
    allowed: row.allowed,
    denied: row.denied,
  }));
  const allowedList = data.effect === "Allow";
  const first = (data.page - 1) * data.pageSize;
  const last = Math.max(1, Math.ceil(data.total / data.pageSize));
  const columns: StaticColumn<MemberVerdict>[] = allowedList
    ? [member, decidedBy, { header: "Why", cell: (verdict) => <SourceList sources={verdict.sources} /> }]
    : [
        member,
        decidedBy,
        {
          header: "Why",
          cell: (verdict) => <span className="text-xs break-words text-slate-700">{verdict.reason}</span>,
        },
        {
          header: "Columns still readable",
          cell: (verdict) =>
            verdict.readableColumns === null ? "—" : `${verdict.readableColumns} of ${data.object.columnCount}`,
        },
      ];
  return (
    <div className="grid gap-6">
      <Card
        title={`Who may ${data.privilege} ${target}`}
        description={`${number.format(data.allowedCount)} allowed, ${number.format(data.deniedCount)} denied, among the owner and members of ${data.project}; for requests from ${data.context.sourceIp ?? "an unknown address"} at ${formatInstant(data.context.time)}.`}
      >
        <LayerBarChart title="Members by deciding layer (allowed / denied)" rows={counts} />
      </Card>
      <Card padded={false}>
        <nav aria-label="Verdicts" className="flex gap-2 border-b border-slate-200 px-5 py-3">
          {(["Allow", "Deny"] as const).map((effect) => (
            <Link
              key={effect}
              href={hrefFor({ effect, page: 1 })}
              aria-current={effect === data.effect ? "page" : undefined}
              className={buttonClasses(effect === data.effect ? "primary" : "ghost", "sm")}
            >
              {effect === "Allow"
                ? `Allowed (${number.format(data.allowedCount)})`
                : `Denied (${number.format(data.deniedCount)})`}
            </Link>
          ))}
        </nav>
        {data.items.length > 0 ? (
          <>
            <StaticTable<MemberVerdict>
              caption={
                allowedList
                  ? `Members allowed to ${data.privilege} ${target}`
                  : `Members denied ${data.privilege} on ${target}`
              }
              rows={data.items}
              rowKey={(verdict) => verdict.user.userId}
              columns={columns}
            />
            <nav
              aria-label="Verdict pages"
              className="flex flex-wrap items-center justify-between gap-3 px-5 py-3 text-xs text-slate-600"
            >
              <p className="tabular-nums">
                Showing {number.format(first + 1)}–{number.format(first + data.items.length)} of{" "}
                {number.format(data.total)}
              </p>
              <div className="flex gap-2">
                {data.page > 1 ? (
                  <Link href={hrefFor({ page: data.page - 1 })} className={buttonClasses("ghost", "sm")}>
                    Previous
                  </Link>
                ) : null}
                {data.page < last ? (
                  <Link href={hrefFor({ page: data.page + 1 })} className={buttonClasses("secondary", "sm")}>
                    Next
                  </Link>
                ) : null}
              </div>
            </nav>
          </>
        ) : (
          <p className="px-5 py-4 text-sm text-slate-600">
            {data.total > 0
              ? `Page ${data.page} is past the end of this list.`
              : allowedList
                ? "Nobody in the project may do this."
                : "Everyone in the project may do this."}
          </p>
        )}
      </Card>
    </div>
  );
}
