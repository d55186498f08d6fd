import Link from "next/link";
import { ProjectPicker } from "@/components/console/ProjectPicker";
import { ReadOnlyNote } from "@/components/console/ReadOnlyNote";
import { NoProjectToManage, NotAdministered } from "@/components/console/ProjectNotices";
import { LabelStatementForm } from "@/components/labels/LabelStatementForm";
import { LEVEL_OPTIONS, OBJECT_TYPE_OPTIONS, PRINCIPAL_TYPE_OPTIONS } from "@/components/labels/label-choices";
import { Badge } from "@/components/ui/Badge";
import { Button } from "@/components/ui/Button";
import { Select } from "@/components/ui/Select";
import { TextInput } from "@/components/ui/TextInput";
import { Card } from "@/components/ui/Card";
import { DataTable, type Column } from "@/components/ui/DataTable";
import { EmptyState } from "@/components/ui/EmptyState";
import { MainWithAside } from "@/components/ui/MainWithAside";
import { PageHeader } from "@/components/ui/PageHeader";
import { TableFilter } from "@/components/ui/TableFilter";
import { parseTableParams, type SearchParamsRecord, type TableFilterDef } from "@/components/ui/table-params";
import { guardPage } from "@/lib/endpoint/page-guard";
import { readPage } from "@/lib/endpoint/read-page";
import { listClearancesEndpoint, type ClearanceRow } from "@/lib/services/labels/list-clearances";
import { pageProject } from "@/app/(console)/page-project";
import { setClearanceAction } from "./actions";

export const metadata = { title: "Labels" };

const KIND_FILTER: TableFilterDef = {
  name: "kind",
  label: "Kind",
  options: [
    { value: "User", label: "Members" },
    { value: "Role", label: "Roles" },
  ],
};

const COLUMNS: Column<ClearanceRow>[] = [
  {
    id: "name",
    header: "Member or role",
    cell: (row) => (
      <span className="flex flex-wrap items-center gap-1.5">
        <span className="font-medium">{row.name}</span>
        <Badge tone={row.kind === "Role" ? "accent" : "neutral"}>{row.kind === "Role" ? "Role" : "Member"}</Badge>
        {row.exempt ? <Badge tone="warn">Not restricted by labels</Badge> : null}
      </span>
    ),
  },
  { id: "own", header: "Own label", align: "end", cell: (row) => row.own },
  {
    id: "roles",
    header: "Through roles",
    cell: (row) =>
      row.roles.length === 0 ? "—" : row.roles.map((role) => `${role.name} ${role.clearance}`).join(", "),
  },
  { id: "effective", header: "Clearance", align: "end", cell: (row) => <strong>{row.effective}</strong> },
];

export default async function LabelsPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  await guardPage("project.inspect");
  const query = await searchParams;
  const scope = await pageProject(query);
  const description =
    "LabelSecurity clearances: a member reads data labelled up to the highest of their own label and their roles' labels (No-ReadUp). New members and roles start at 0.";
  if (!scope) return <NoProjectToManage title="Labels" description={description} />;
  const params = parseTableParams(query, {
    sortable: [],
    defaultSort: { column: "name", dir: "asc" },
    filters: [KIND_FILTER],
  });
  const result = await readPage(listClearancesEndpoint, {
    project: scope.current,
    q: params.q || undefined,
    kind: params.filters.kind,
    page: params.page,
    pageSize: params.pageSize,
  });
  const project = scope.current;
  return (
    <>
      <PageHeader
        title={`Labels in ${project}`}
        description={description}
        actions={<ProjectPicker projects={scope.projects} current={project} action="/labels" />}
      />
      {scope.readOnly ? <ReadOnlyNote project={project} /> : null}
      {result.ok ? (
        <MainWithAside
          aside={
            <>
              {scope.readOnly ? null : (
                <Card title="Set a clearance" description="SET LABEL n TO USER u, or TO ROLE r.">
                  <LabelStatementForm
                    action={setClearanceAction}
                    name="Set a clearance"
                    hidden={{ project }}
                    submitLabel="Set clearance"
                    fields={[
                      { name: "principalType", label: "To", kind: "select", options: PRINCIPAL_TYPE_OPTIONS },
                      {
                        name: "principal",
                        label: "User or role",
                        required: true,
                        hint: "A member (email or RAM$account:user) or a role name.",
                      },
                      { name: "level", label: "Level", kind: "select", options: LEVEL_OPTIONS },
                    ]}
                  />
                </Card>
              )}
              <Card
                title="A table's labels"
                description={
                  scope.readOnly ? "DESCRIBE a table or view." : "DESCRIBE a table or view, and label its columns."
                }
              >
                <form action="/labels/object" className="grid gap-3" aria-label="Open a table's labels">
                  <input type="hidden" name="project" value={project} />
                  <Select label="Type" name="objectType" options={OBJECT_TYPE_OPTIONS} />
                  <TextInput label="Name" name="objectName" required placeholder="user_profile" />
                  <div>
                    <Button type="submit">Open</Button>
                  </div>
                </form>
              </Card>
              <Card
                title="Label grants"
                description={
                  scope.readOnly ? "SHOW LABEL GRANTS." : "GRANT, REVOKE, SHOW LABEL GRANTS and CLEAR EXPIRED GRANTS."
                }
              >
                <Link
                  className="text-accent-700 underline"
                  href={`/labels/grants?project=${encodeURIComponent(project)}`}
                >
                  Open label grants
                </Link>
              </Card>
            </>
          }
        >
          {result.data.labelSecurity ? null : (
            <p className="mb-3 text-sm text-slate-600">
              LabelSecurity is off in {project}: labels are kept but not enforced until the owner turns it on in
              Settings.
            </p>
          )}
          <DataTable
            caption={`Clearances in ${project}`}
            columns={COLUMNS}
            rows={result.data.items}
            rowKey={(row) => `${row.kind}:${row.id}`}
            params={params}
            total={result.data.total}
            toolbar={
              <TableFilter
                params={params}
                filters={[KIND_FILTER]}
                searchLabel="Search members and roles"
                searchPlaceholder="Name"
              />
            }
            empty={
              <EmptyState icon="users" title="No members or roles yet">
                Add members on the Members page; they start at clearance 0.
              </EmptyState>
            }
          />
        </MainWithAside>
      ) : (
        <NotAdministered project={project} reason={result.error.message} />
      )}
    </>
  );
}
