import { CheckAccessResultView } from "@/components/access/CheckAccessResultView";
import { firstFieldErrors, firstParam } from "@/components/access/form-errors";
import { ProjectPicker } from "@/components/console/ProjectPicker";
import { DataFlowAnswer } from "@/components/access/DataFlowAnswer";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { EmptyState } from "@/components/ui/EmptyState";
import { PageHeader } from "@/components/ui/PageHeader";
import { Select } from "@/components/ui/Select";
import { TextInput } from "@/components/ui/TextInput";
import type { SearchParamsRecord } from "@/components/ui/table-params";
import { pageProject } from "@/app/(console)/page-project";
import { guardPage } from "@/lib/endpoint/page-guard";
import { readPage } from "@/lib/endpoint/read-page";
import { DATA_FLOW_OPERATIONS, dataFlowEndpoint } from "@/lib/services/access/data-flow";
import { inspectionOptionsEndpoint } from "@/lib/services/access/inspection-options";

export const metadata = { title: "Data flow" };

const DESCRIPTION =
  "Ask whether an operation that moves a table's data takes it out of the project, and what lets it (a trusted project, a package, the exception policy) or refuses it (ProjectProtection). Nothing runs and nothing changes.";

export default async function DataFlowPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  await guardPage("project.inspect");
  const params = await searchParams;
  const picked = await pageProject(params);
  if (!picked) {
    return (
      <>
        <PageHeader title="Data flow" description={DESCRIPTION} />
        <Card>
          <EmptyState icon="folder" title="No projects yet">
            Create a project or ask to be added to one, then check where its data may go.
          </EmptyState>
        </Card>
      </>
    );
  }
  const optionsRead = await readPage(inspectionOptionsEndpoint, { project: picked.current });
  if (!optionsRead.ok) throw new Error(optionsRead.error.message);
  const options = optionsRead.data;
  // The question is the URL: a check runs once an object is named, so it can be linked to.
  const result =
    params.objectName === undefined
      ? null
      : await readPage(dataFlowEndpoint, { ...params, project: picked.current }, { invalidInputIsAnswer: true });
  const error = result && !result.ok ? result.error : null;
  const errors = firstFieldErrors(error);
  const value = (name: string, fallback = "") => (params[name] === undefined ? fallback : firstParam(params[name]));

  return (
    <>
      <PageHeader
        title="Data flow"
        description={DESCRIPTION}
        actions={<ProjectPicker projects={picked.projects} current={picked.current} action="/data-flow" />}
      />
      <div className="grid items-start gap-6 xl:grid-cols-[26rem_minmax(0,1fr)]">
        <Card
          title="Question"
          description={
            options.mayInspectOthers
              ? `Anyone in ${picked.current}, or any user of your account.`
              : `You may ask only about yourself in ${picked.current}.`
          }
        >
          {error ? (
            <Alert tone="danger" role="alert" title={error.message} className="mb-4">
              {error.fieldErrors ? "Check the highlighted fields below." : null}
            </Alert>
          ) : null}
          <form method="get" action="/data-flow" className="grid gap-4" aria-label="Data-flow question">
            <input type="hidden" name="project" value={picked.current} />
            <TextInput
              label="Principal"
              name="principal"
              required
              readOnly={!options.mayInspectOthers}
              defaultValue={value("principal", options.self)}
              error={errors.principal}
              hint="e.g. RAM$wonderland:bob or ALIYUN$alice@wonderland.example"
            />
            <Select
              label="Operation"
              name="operation"
              options={Object.entries(DATA_FLOW_OPERATIONS).map(([operation, label]) => ({ value: operation, label }))}
              defaultValue={value("operation", "create-table-as-select")}
              error={errors.operation}
            />
            <Select
              label="Object type"
              name="objectType"
              options={[
                { value: "Table", label: "Table" },
                { value: "View", label: "View" },
              ]}
              defaultValue={value("objectType", "Table")}
              error={errors.objectType}
            />
            <TextInput
              label={`Table or view of ${picked.current}`}
              name="objectName"
              required
              defaultValue={value("objectName")}
              error={errors.objectName}
            />
            <TextInput
              label="Columns"
              name="columns"
              defaultValue={value("columns")}
              error={errors.columns}
              hint="Comma-separated; empty for the whole table."
            />
            <TextInput
              label="Target project"
              name="targetProject"
              defaultValue={value("targetProject")}
              error={errors.targetProject}
              hint="Where the data goes; leave empty for a download."
            />
            <div>
              <Button type="submit" variant="primary">
                Check the flow
              </Button>
            </div>
          </form>
        </Card>
        <Card title="Answer">
          {result?.ok ? (
            <div className="grid gap-6">
              <DataFlowAnswer result={result.data} project={picked.current} />
              <CheckAccessResultView
                result={result.data.check}
                columnLabels={options.columnLabels(
                  result.data.check.request.objectType,
                  result.data.check.request.objectName,
                )}
              />
            </div>
          ) : (
            <EmptyState icon="search" title="Ask a question to see where the data may go">
              Name a principal, a table and what would move its data. The answer says whether the data leaves{" "}
              {picked.current} and what lets it, with every layer&apos;s verdict.
            </EmptyState>
          )}
        </Card>
      </div>
    </>
  );
}
