import type { ReactNode } from "react";
import type {
  EffectivePermissions,
  LabelGrantSummary,
  ObjectAccess,
} from "@/lib/services/access/effective-permissions";
import { Alert } from "@/components/ui/Alert";
import { Badge } from "@/components/ui/Badge";
import { Card } from "@/components/ui/Card";
import { DataTable, type Column } from "@/components/ui/DataTable";
import { EmptyState } from "@/components/ui/EmptyState";
import { KeyValue } from "@/components/ui/KeyValue";
import type { TableParams } from "@/components/ui/table-params";
import { formatInstant } from "./format-instant";
import { LAYER_NAMES } from "./layer-words";
import { PrivilegeGroups } from "./PrivilegeGroups";
import { StaticTable } from "./StaticTable";

const OBJECT_COLUMNS: Column<ObjectAccess>[] = [
  {
    id: "object",
    header: "Object",
    cell: (object) => (
      <span className="grid gap-0.5">
        <span className="font-medium">{object.name}</span>
        <span className="text-xs text-slate-500">
          {object.type}
          {object.project ? ` of project ${object.project}, through a package` : null}
        </span>
      </span>
    ),
    className: "align-top",
  },
  {
    id: "privileges",
    header: "Privileges and where they come from",
    cell: (object) => <PrivilegeGroups privileges={object.privileges} columnCount={object.columnCount} />,
    className: "align-top",
  },
  {
    id: "hidden",
    header: "Hidden by labels",
    cell: (object) =>
      object.hiddenByLabel.length > 0 ? (
        <span className="font-mono text-xs">{object.hiddenByLabel.join(", ")}</span>
      ) : (
        "—"
      ),
    className: "align-top",
  },
];

function standingText(data: EffectivePermissions): string {
  const { standing, principal } = data;
  if (!standing || !principal.inProject) return "Not a member of this project";
  if (standing.owner) return "Project owner";
  const roles =
    standing.roles.length === 0
      ? "no roles"
      : `${standing.roles.length === 1 ? "role" : "roles"} ${standing.roles.join(", ")}`;
  return standing.adminRole ? `Member with the built-in role ${standing.adminRole} (${roles})` : `Member with ${roles}`;
}

/** A principal's effective permissions in a project: who they are there, their labels, then object by object. */
export function EffectivePermissionsView({
  data,
  params,
  toolbar,
}: {
  data: EffectivePermissions;
  params: TableParams;
  toolbar: ReactNode;
}) {
  const { principal, context } = data;
  return (
    <div className="grid gap-6">
      <Card
        title={
          principal.known ? `${principal.displayName} in ${data.project}` : `${principal.principal} in ${data.project}`
        }
      >
        <KeyValue
          columns={2}
          items={[
            { label: "Principal", value: <code className="text-xs">{principal.principal}</code> },
            { label: "Standing", value: standingText(data) },
            {
              label: "Label clearance",
              value: data.labelSecurity ? (data.standing?.clearance ?? 0) : "LabelSecurity is off in this project",
            },
            {
              label: "Evaluated for",
              value: `requests from ${context.sourceIp ?? "an unknown address"} at ${formatInstant(context.time)}`,
            },
          ]}
        />
        {data.gate ? (
          <Alert
            tone="warn"
            className="mt-4"
            title={`Every request is refused by ${LAYER_NAMES[data.gate.layer]} before any privilege is looked at`}
          >
            {data.gate.text}
          </Alert>
        ) : null}
      </Card>
      {data.labelGrants.length > 0 ? (
        <Card
          title="Label grants"
          description="Access to data above the clearance, table by table, until the grant expires."
          padded={false}
        >
          <StaticTable<LabelGrantSummary>
            caption="Label grants"
            rows={data.labelGrants}
            rowKey={(grant) => grant.id}
            columns={[
              { header: "Table", cell: (grant) => grant.object },
              {
                header: "Columns",
                cell: (grant) =>
                  grant.columns ? <span className="font-mono text-xs">{grant.columns.join(", ")}</span> : "All",
              },
              { header: "Up to label", cell: (grant) => grant.level },
              {
                header: "Expires",
                cell: (grant) => <time dateTime={grant.expiresAt}>{formatInstant(grant.expiresAt)}</time>,
              },
              {
                header: "Status",
                cell: (grant) =>
                  grant.expired ? (
                    <Badge tone="danger" dot>
                      Expired
                    </Badge>
                  ) : (
                    <Badge tone="success" dot>
                      Active
                    </Badge>
                  ),
              },
            ]}
          />
        </Card>
      ) : null}
      <DataTable
        caption={`Effective permissions of ${principal.principal} in ${data.project}`}
        columns={OBJECT_COLUMNS}
        rows={data.items}
        rowKey={(object) => `${object.project ?? ""}:${object.type}:${object.name}`}
        params={params}
        total={data.total}
        toolbar={toolbar}
        empty={<EmptyState icon="folder" title="This project has no objects yet" />}
      />
    </div>
  );
}
