import { ProjectPicker } from "@/components/console/ProjectPicker";
import { ReadOnlyNote } from "@/components/console/ReadOnlyNote";
import { NoProjectToManage } from "@/components/console/ProjectNotices";
import { LabelStatementForm } from "@/components/labels/LabelStatementForm";
import {
  LEVEL_OPTIONS,
  OBJECT_TYPE_OPTIONS,
  PRINCIPAL_TYPE_OPTIONS,
  labelObjectHref,
} from "@/components/labels/label-choices";
import { Alert } from "@/components/ui/Alert";
import { Badge } from "@/components/ui/Badge";
import { Button } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { DataTable, type Column } from "@/components/ui/DataTable";
import { EmptyState } from "@/components/ui/EmptyState";
import { MainWithAside } from "@/components/ui/MainWithAside";
import { PageHeader } from "@/components/ui/PageHeader";
import { Select } from "@/components/ui/Select";
import { TableFilter } from "@/components/ui/TableFilter";
import { TextInput } from "@/components/ui/TextInput";
import { parseTableParams, type SearchParamsRecord, type TableFilterDef } from "@/components/ui/table-params";
import { guardPage } from "@/lib/endpoint/page-guard";
import { readPage } from "@/lib/endpoint/read-page";
import { SHOW_VIEWS, showLabelGrantsEndpoint, type LabelGrantRow } from "@/lib/services/labels/show-label-grants";
import { DEFAULT_LABEL_GRANT_DAYS } from "@/lib/authz";
import { pageProject } from "@/app/(console)/page-project";
import { clearExpiredLabelGrantsAction, grantLabelAction, revokeLabelAction } from "../actions";

export const metadata = { title: "Label grants" };

const LEVEL_FILTER: TableFilterDef = { name: "level", label: "Level", options: LEVEL_OPTIONS };
const VIEW_OPTIONS = [
  { value: "user", label: "What a user may read (SHOW LABEL GRANTS [FOR USER u])" },
  { value: "table", label: "Who may read a table (SHOW LABEL GRANTS ON TABLE t)" },
  { value: "user-table", label: "A user's column grants on a table (… ON TABLE t FOR USER u)" },
];

const text = (value: string | string[] | undefined) => (typeof value === "string" ? value : "");

function grantColumns(project: string): Column<LabelGrantRow>[] {
  return [
    {
      id: "object",
      header: "Table",
      cell: (row) => (
        <a className="text-accent-700 underline" href={labelObjectHref("object", project, row.objectType, row.object)}>
          {row.object}
        </a>
      ),
    },
    {
      id: "columns",
      header: "Columns",
      cell: (row) => (row.columns.length === 0 ? "The whole table" : row.columns.join(", ")),
    },
    { id: "level", header: "Level", align: "end", cell: (row) => row.level },
    {
      id: "grantee",
      header: "Grantee",
      cell: (row) => (
        <span className="flex flex-wrap items-center gap-1.5">
          {row.granteeType === "Role" ? <Badge tone="accent">Role</Badge> : null}
          {row.grantee}
          {row.via ? <span className="text-xs text-slate-500">(through role {row.via})</span> : null}
        </span>
      ),
    },
    {
      id: "expires",
      header: "Expires",
      cell: (row) => (
        <span className="flex flex-wrap items-center gap-1.5">
          <time dateTime={row.expiresAt}>{row.expiresAt.slice(0, 16).replace("T", " ")} UTC</time>
          <Badge tone={row.active ? "success" : "neutral"} dot>
            {row.active ? "Active" : "Expired"}
          </Badge>
        </span>
      ),
    },
  ];
}

export default async function LabelGrantsPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  await guardPage("project.inspect");
  const query = await searchParams;
  const scope = await pageProject(query);
  const description =
    "Explicit label grants let a member read data above their clearance, on a table or on listed columns, until they expire (180 days unless said otherwise). An expired grant counts for nothing from its expiry on.";
  if (!scope) return <NoProjectToManage title="Label grants" description={description} />;
  const project = scope.current;
  const params = parseTableParams(query, {
    sortable: [],
    defaultSort: { column: "object", dir: "asc" },
    filters: [LEVEL_FILTER],
  });
  const view = SHOW_VIEWS.find((candidate) => candidate === query.view) ?? "user";
  const principal = text(query.principal);
  const objectName = text(query.objectName);
  const objectType = text(query.objectType) === "View" ? "View" : "Table";
  const result = await readPage(showLabelGrantsEndpoint, {
    project,
    view,
    principal,
    objectType,
    objectName,
    level: params.filters.level ?? "",
    q: params.q,
    page: params.page,
    pageSize: params.pageSize,
  });
  const grantFields = [
    { name: "objectType", label: "Type", kind: "select" as const, options: OBJECT_TYPE_OPTIONS },
    { name: "objectName", label: "Table or view", required: true },
    { name: "columns", label: "Columns", hint: "Comma-separated; empty for the whole table." },
  ];
  const granteeFields = [
    { name: "principalType", label: "Grantee type", kind: "select" as const, options: PRINCIPAL_TYPE_OPTIONS },
    { name: "principal", label: "User or role", required: true },
  ];
  return (
    <>
      <PageHeader
        title={`Label grants in ${project}`}
        description={description}
        actions={<ProjectPicker projects={scope.projects} current={project} action="/labels/grants" />}
      />
      {scope.readOnly ? <ReadOnlyNote project={project} /> : null}
      <MainWithAside
        aside={
          scope.readOnly ? null : (
            <>
              <Card
                title="Grant a label"
                description="GRANT LABEL n ON TABLE t[(cols)] TO USER u | ROLE r [WITH EXP days]."
              >
                <LabelStatementForm
                  action={grantLabelAction}
                  name="Grant a label"
                  hidden={{ project }}
                  submitLabel="Grant label"
                  fields={[
                    ...grantFields,
                    { name: "level", label: "Level", kind: "select", options: LEVEL_OPTIONS, defaultValue: "2" },
                    ...granteeFields,
                    {
                      name: "days",
                      label: "Days (WITH EXP)",
                      kind: "number",
                      min: 1,
                      max: 3650,
                      hint: `Empty: ${DEFAULT_LABEL_GRANT_DAYS} days, or pick a last day below instead.`,
                    },
                    { name: "expiresOn", label: "Or valid through (UTC)", kind: "date" },
                  ]}
                />
              </Card>
              <Card
                title="Revoke a label grant"
                description="REVOKE LABEL ON TABLE t[(cols)] FROM USER u | ROLE r. On the table it also revokes the grantee's column grants there."
              >
                <LabelStatementForm
                  action={revokeLabelAction}
                  name="Revoke a label grant"
                  hidden={{ project }}
                  submitLabel="Revoke"
                  variant="danger"
                  fields={[...grantFields, ...granteeFields]}
                />
              </Card>
              <Card
                title="Clear expired grants"
                description="CLEAR EXPIRED GRANTS removes every expired label grant of the project."
              >
                <LabelStatementForm
                  action={clearExpiredLabelGrantsAction}
                  name="Clear expired grants"
                  hidden={{ project }}
                  submitLabel="Clear expired grants"
                  variant="secondary"
                  fields={[]}
                />
              </Card>
            </>
          )
        }
      >
        <Card title="Show label grants">
          <form action="/labels/grants" className="grid gap-3 md:grid-cols-2" aria-label="Show label grants">
            <input type="hidden" name="project" value={project} />
            <Select label="View" name="view" options={VIEW_OPTIONS} defaultValue={view} className="md:col-span-2" />
            <TextInput
              label="User"
              name="principal"
              defaultValue={principal}
              hint="Empty: yourself (first view only)."
              autoComplete="off"
            />
            <TextInput label="Table or view" name="objectName" defaultValue={objectName} autoComplete="off" />
            <Select label="Type" name="objectType" options={OBJECT_TYPE_OPTIONS} defaultValue={objectType} />
            <div className="self-end">
              <Button type="submit">Show</Button>
            </div>
          </form>
        </Card>
        {result.ok ? (
          <div className="mt-4 grid gap-2">
            <code className="text-sm text-slate-700">{result.data.statement}</code>
            <DataTable
              caption="Label grants"
              columns={grantColumns(project)}
              rows={result.data.items}
              rowKey={(row) => row.id}
              params={params}
              total={result.data.total}
              toolbar={
                <TableFilter
                  params={params}
                  filters={[LEVEL_FILTER]}
                  searchLabel="Search label grants"
                  searchPlaceholder="Table or grantee"
                />
              }
              empty={
                <EmptyState icon="key" title="No label grants here">
                  {scope.readOnly ? "Name a user or a table above." : "Grant a label with the form beside this list."}
                </EmptyState>
              }
            />
          </div>
        ) : (
          <Alert tone="warn" title={result.error.message} className="mt-4" />
        )}
      </MainWithAside>
    </>
  );
}
