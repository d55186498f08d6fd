import { DATA_LAYERS, type Layer } from "@/lib/authz";
import type { MemberVerdict, WhoCanAccess } from "@/lib/services/access/who-can-access";
import { Card } from "@/components/ui/Card";
import { formatInstant } from "./format-instant";
import { LayerBarChart } from "./LayerBarChart";
import { LAYER_NAMES } from "./layer-words";
import { SourceList } from "./SourceList";
import { StaticTable, type StaticColumn } from "./StaticTable";

const LAYERS: readonly Layer[] = [...DATA_LAYERS, "Default"];

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

/** Who may (and may not) perform a privilege on a table or column, with a per-layer chart. */
export function WhoCanAccessView({ data }: { data: WhoCanAccess }) {
  const target = data.object.column ? `${data.object.name}.${data.object.column}` : data.object.name;
  const counts = LAYERS.map((layer) => ({
    label: LAYER_NAMES[layer],
    allowed: data.allowed.filter((verdict) => verdict.decidedBy === layer).length,
    denied: data.denied.filter((verdict) => verdict.decidedBy === layer).length,
  })).filter((row) => row.allowed + row.denied > 0);
  return (
    <div className="grid gap-6">
      <Card
        title={`Who may ${data.privilege} ${target}`}
        description={`${data.allowed.length} allowed, ${data.denied.length} denied, among the owner and members of ${data.project}; for requests from ${data.context.sourceIp ?? "an unknown address"} at ${formatInstant(data.context.time)}.`}
      >
        <LayerBarChart title="Members by deciding layer (allowed / denied)" rows={counts} />
      </Card>
      <Card title={`Allowed (${data.allowed.length})`} padded={false}>
        {data.allowed.length > 0 ? (
          <StaticTable<MemberVerdict>
            caption={`Members allowed to ${data.privilege} ${target}`}
            rows={data.allowed}
            rowKey={(verdict) => verdict.user.userId}
            columns={[
              member,
              decidedBy,
              { header: "Why", cell: (verdict) => <SourceList sources={verdict.sources} /> },
            ]}
          />
        ) : (
          <p className="px-5 py-4 text-sm text-slate-600">Nobody in the project may do this.</p>
        )}
      </Card>
      <Card title={`Denied (${data.denied.length})`} padded={false}>
        {data.denied.length > 0 ? (
          <StaticTable<MemberVerdict>
            caption={`Members denied ${data.privilege} on ${target}`}
            rows={data.denied}
            rowKey={(verdict) => verdict.user.userId}
            columns={[
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
            ]}
          />
        ) : (
          <p className="px-5 py-4 text-sm text-slate-600">Everyone in the project may do this.</p>
        )}
      </Card>
    </div>
  );
}
