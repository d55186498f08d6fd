import { ProjectPicker } from "@/components/console/ProjectPicker";
import { CommandConsole } from "@/components/statements/CommandConsole";
import { Card } from "@/components/ui/Card";
import { EmptyState } from "@/components/ui/EmptyState";
import { PageHeader } from "@/components/ui/PageHeader";
import type { SearchParamsRecord } from "@/components/ui/table-params";
import { guardPage } from "@/lib/endpoint/page-guard";
import { pageProject } from "@/app/(console)/page-project";
import { runStatementsAction } from "./actions";

export const metadata = { title: "Command console" };

const DESCRIPTION =
  "Run MaxCompute's security statements — ADD USER, GRANT, SET LABEL, SET ProjectProtection, PUT POLICY and the rest — on the very operations the forms use: the same checks, the same audit.";

export default async function StatementsPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  const { ctx } = await guardPage("console.admin");
  const picked = await pageProject(await searchParams);
  if (!picked) {
    return (
      <>
        <PageHeader title="Command console" description={DESCRIPTION} />
        <Card>
          <EmptyState icon="folder" title="No projects yet">
            Create a project or ask to be added to one, then run statements in it.
          </EmptyState>
        </Card>
      </>
    );
  }
  return (
    <>
      <PageHeader
        title="Command console"
        description={DESCRIPTION}
        actions={<ProjectPicker projects={picked.projects} current={picked.current} action="/statements" />}
      />
      <CommandConsole
        key={picked.current}
        project={picked.current}
        userKey={ctx.actor.userId}
        action={runStatementsAction}
      />
    </>
  );
}
