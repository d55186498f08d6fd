import { OBJECT_TYPES, type ObjectType, type Privilege } from "@/lib/authz";
import { CheckAccessForm, type CheckAccessValues } from "@/components/access/CheckAccessForm";
import { CheckAccessResultView } from "@/components/access/CheckAccessResultView";
import { firstFieldErrors, firstParam } from "@/components/access/form-errors";
import { LayerLegend } from "@/components/access/LayerLegend";
import { ProjectPicker } from "@/components/console/ProjectPicker";
import { Alert } from "@/components/ui/Alert";
import { Card } from "@/components/ui/Card";
import { EmptyState } from "@/components/ui/EmptyState";
import { PageHeader } from "@/components/ui/PageHeader";
import type { SearchParamsRecord } from "@/components/ui/table-params";
import { guardPage } from "@/lib/endpoint/page-guard";
import { pageProject } from "@/app/(console)/page-project";
import { readPage } from "@/lib/endpoint/read-page";
import { checkAccessEndpoint, requestablePrivilegesOf } from "@/lib/services/access/check-access";
import { inspectionOptionsEndpoint } from "@/lib/services/access/inspection-options";

export const metadata = { title: "Check access" };

const DESCRIPTION =
  "Ask the decision engine what would happen if a principal performed an action on an object, and why. Nothing changes and nobody is notified.";

export default async function CheckAccessPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  const { ctx } = await guardPage("project.inspect");
  const params = await searchParams;
  const picked = await pageProject(params);
  if (!picked) {
    return (
      <>
        <PageHeader title="Check access" description={DESCRIPTION} />
        <Card>
          <EmptyState icon="folder" title="No projects yet">
            Create a project or ask to be added to one, then check access in it.
          </EmptyState>
        </Card>
      </>
    );
  }
  const optionsRead = await readPage(inspectionOptionsEndpoint, { project: picked.current });
  // Whoever may inspect the project may draw the form; pageProject offered only the projects the user sees.
  if (!optionsRead.ok) throw new Error(optionsRead.error.message);
  const options = optionsRead.data;
  const types = OBJECT_TYPES.filter((type) => type === "Project" || options.objectTypes.includes(type));
  const actionsByType: Partial<Record<ObjectType, readonly Privilege[]>> = Object.fromEntries(
    types.map((type) => [type, requestablePrivilegesOf(type)]),
  );
  const asked = firstParam(params.objectType) as ObjectType;
  const objectType = types.includes(asked) ? asked : types.includes("Table") ? "Table" : types[0]!;
  const askedAction = firstParam(params.action);
  const initial: CheckAccessValues = {
    principal: firstParam(params.principal),
    objectType,
    objectName: firstParam(params.objectName),
    columns: [params.columns ?? []]
      .flat()
      .flatMap((value) => value.split(","))
      .map((column) => column.trim().toLowerCase()),
    action: actionsByType[objectType]!.includes(askedAction as Privilege)
      ? askedAction
      : actionsByType[objectType]!.includes("Select")
        ? "Select"
        : actionsByType[objectType]![0]!,
    sourceIp: params.sourceIp === undefined ? (ctx.request.sourceIp ?? "") : firstParam(params.sourceIp),
    time: firstParam(params.time),
    targetProject: firstParam(params.targetProject),
  };
  // A check runs once a principal is named: the form's URL is the question, so a check can be linked to.
  const result =
    params.principal === undefined
      ? null
      : await readPage(checkAccessEndpoint, { ...params, project: picked.current }, { invalidInputIsAnswer: true });
  const error = result && !result.ok ? result.error : null;

  return (
    <>
      <PageHeader
        title="Check access"
        description={DESCRIPTION}
        actions={<ProjectPicker projects={picked.projects} current={picked.current} action="/check-access" />}
      />
      <div className="grid items-start gap-6 xl:grid-cols-[26rem_minmax(0,1fr)]">
        <Card
          title="Question"
          description={
            options.mayInspectOthers
              ? `Anyone in ${picked.current}, or any user of your account.`
              : `You may check only your own access in ${picked.current}.`
          }
        >
          {error ? (
            <Alert tone="danger" role="alert" title={error.message} className="mb-4">
              {error.fieldErrors ? "Check the highlighted fields below." : null}
            </Alert>
          ) : null}
          <CheckAccessForm
            key={JSON.stringify(initial)}
            project={picked.current}
            mayInspectOthers={options.mayInspectOthers}
            self={options.self}
            actionsByType={actionsByType}
            initial={initial}
            errors={firstFieldErrors(error)}
          />
        </Card>
        <Card title="Answer">
          {result?.ok ? (
            <CheckAccessResultView
              result={result.data}
              columnLabels={options.columnLabels(result.data.request.objectType, result.data.request.objectName)}
            />
          ) : (
            <EmptyState icon="search" title="Ask a question to see the engine's answer">
              <p className="mb-3">
                Pick a principal, an object and an action. The engine answers Allowed or Denied, names the layer that
                decided, and shows what every layer said — column by column for reads of tables and views:
              </p>
              <LayerLegend />
            </EmptyState>
          )}
        </Card>
      </div>
    </>
  );
}
