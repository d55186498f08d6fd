import { ProjectPicker } from "@/components/console/ProjectPicker";
import { RequestForm, type RequestDefaults } from "@/components/requests/RequestForm";
import { Alert } from "@/components/ui/Alert";
import { Card } from "@/components/ui/Card";
import { EmptyState } from "@/components/ui/EmptyState";
import { PageHeader } from "@/components/ui/PageHeader";
import type { SearchParamsRecord } from "@/components/ui/table-params";
import { pageProject } from "@/app/(console)/page-project";
import { guardPage } from "@/lib/endpoint/page-guard";
import { readPage } from "@/lib/endpoint/read-page";
import { getApprovalSettingsEndpoint } from "@/lib/services/requests/get-approval-settings";
import { createRequestAction, previewRequestAction } from "../actions";

export const metadata = { title: "Ask for access" };

const DESCRIPTION =
  "Ask the project's approvers for access. Preview first: the engine shows what you hold now and what the grant would change.";

const PREFILLED = [
  "kind",
  "objectType",
  "objectName",
  "privileges",
  "columns",
  "table",
  "level",
  "package",
  "role",
  "grantId",
  "reason",
  "days",
] as const;

/** The request form, prefilled from the link that led here (My access, a denied Check access answer, Extend). */
export default async function NewRequestPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  await guardPage("access.request");
  const query = await searchParams;
  const scope = await pageProject(query);
  if (!scope) {
    return (
      <>
        <PageHeader title="Ask for access" description={DESCRIPTION} />
        <Card>
          <EmptyState icon="lock" title="You are not in any project yet">
            Ask a project&apos;s owner or administrator to add you; then ask for access here.
          </EmptyState>
        </Card>
      </>
    );
  }
  const defaults: RequestDefaults = {};
  for (const name of PREFILLED) {
    const value = query[name];
    if (typeof value === "string" && value.length <= 2000) defaults[name] = value;
  }
  const rules = await readPage(getApprovalSettingsEndpoint, { project: scope.current });
  return (
    <>
      <PageHeader
        title="Ask for access"
        description={DESCRIPTION}
        actions={<ProjectPicker projects={scope.projects} current={scope.current} action="/requests/new" />}
      />
      <Card title={`A request in ${scope.current}`}>
        {rules.ok ? (
          <RequestForm
            key={scope.current}
            project={scope.current}
            defaults={defaults}
            durations={rules.data}
            previewAction={previewRequestAction}
            createAction={createRequestAction}
          />
        ) : (
          <Alert tone="danger" role="alert" title={rules.error.message} />
        )}
      </Card>
    </>
  );
}
