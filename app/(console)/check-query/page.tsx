import { CheckQuery } from "@/components/check-query/CheckQuery";
import { ProjectPicker } from "@/components/console/ProjectPicker";
import { Card } from "@/components/ui/Card";
import { EmptyState } from "@/components/ui/EmptyState";
import { PageHeader } from "@/components/ui/PageHeader";
import type { SearchParamsRecord } from "@/components/ui/table-params";
import { pageProject } from "@/app/(console)/page-project";
import { guardPage } from "@/lib/endpoint/page-guard";
import { readPage } from "@/lib/endpoint/read-page";
import { inspectionOptionsEndpoint } from "@/lib/services/access/inspection-options";
import { checkQueryAction } from "./actions";

export const metadata = { title: "Check a query" };

const DESCRIPTION =
  "Ask the decision engine whether a principal may run a query: every table and column it reads or writes, with the layer that decided and why. The query is not run.";

export default async function CheckQueryPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  await guardPage("project.inspect");
  const picked = await pageProject(await searchParams);
  if (!picked) {
    return (
      <>
        <PageHeader title="Check a query" description={DESCRIPTION} />
        <Card>
          <EmptyState icon="folder" title="No projects yet">
            Create a project or ask to be added to one, then check queries in it.
          </EmptyState>
        </Card>
      </>
    );
  }
  const options = await readPage(inspectionOptionsEndpoint, { project: picked.current });
  // Any member of the project may draw the form; pageProject offered only projects the user is in.
  if (!options.ok) throw new Error(options.error.message);
  return (
    <>
      <PageHeader
        title="Check a query"
        description={DESCRIPTION}
        actions={<ProjectPicker projects={picked.projects} current={picked.current} action="/check-query" />}
      />
      <CheckQuery
        key={picked.current}
        action={checkQueryAction}
        project={picked.current}
        mayInspectOthers={options.data.mayInspectOthers}
        self={options.data.self}
      />
    </>
  );
}
