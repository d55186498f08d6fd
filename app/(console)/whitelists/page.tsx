import { ProjectPicker } from "@/components/console/ProjectPicker";
import { AdministratorsOnly } from "@/components/console/AdministratorsOnly";
import { ReadOnlyNote } from "@/components/console/ReadOnlyNote";
import { Alert } from "@/components/ui/Alert";
import { Card } from "@/components/ui/Card";
import { EmptyState } from "@/components/ui/EmptyState";
import { PageHeader } from "@/components/ui/PageHeader";
import type { SearchParamsRecord } from "@/components/ui/table-params";
import { MainWithAside } from "@/components/ui/MainWithAside";
import { AddWhitelistEntryForm } from "@/components/whitelists/AddWhitelistEntryForm";
import { WhitelistEntryActions } from "@/components/whitelists/WhitelistEntryActions";
import { WhitelistTable } from "@/components/whitelists/WhitelistTable";
import { guardPage } from "@/lib/endpoint/page-guard";
import { pageProject } from "@/app/(console)/page-project";
import { readPage } from "@/lib/endpoint/read-page";
import { listWhitelistEndpoint } from "@/lib/services/whitelists/list-whitelist";
import { addWhitelistEntryAction, removeWhitelistEntryAction, updateWhitelistEntryAction } from "./actions";

export const metadata = { title: "Whitelists" };

const DESCRIPTION =
  "A request must come from an address in the system whitelist (when it has entries) and in the project's (when it has entries). An empty list restricts nobody.";

export default async function WhitelistsPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  await guardPage("project.inspect");
  const scope = await pageProject(await searchParams);
  if (!scope) {
    return (
      <>
        <PageHeader title="Whitelists" description={DESCRIPTION} />
        <Card>
          <EmptyState icon="globe" title="No project yet">
            The account owner creates a project on the Projects page; its whitelist is edited here.
          </EmptyState>
        </Card>
      </>
    );
  }
  const read = await readPage(listWhitelistEndpoint, { project: scope.current });
  const header = (
    <PageHeader
      title="Whitelists"
      description={DESCRIPTION}
      actions={<ProjectPicker projects={scope.projects} current={scope.current} action="/whitelists" />}
    />
  );
  if (!read.ok) {
    return (
      <>
        {header}
        <AdministratorsOnly reason={read.error.message} />
      </>
    );
  }
  const whitelist = read.data;
  const values = whitelist.entries.map((entry) => entry.value);
  // An auditor reads: no form, whatever the engine would say.
  const mayEdit = !scope.readOnly && whitelist.edit.allowed;
  return (
    <>
      {header}
      {scope.readOnly ? <ReadOnlyNote project={whitelist.project} /> : null}
      <MainWithAside
        aside={
          mayEdit ? (
            <Card title="Add an entry" description="Takes effect on the next request.">
              <AddWhitelistEntryForm
                action={addWhitelistEntryAction}
                project={whitelist.project}
                entries={values}
                sourceIp={whitelist.sourceIp}
              />
            </Card>
          ) : null
        }
      >
        <Card
          title={`Whitelist of ${whitelist.project}`}
          description={`Your address as the whitelist sees it: ${whitelist.sourceIp ?? "unknown"}. ${whitelist.entries.length === 0 ? "The list is empty: every address may reach the project." : `${whitelist.entries.length} of at most ${whitelist.limit} entries.`}`}
          padded={false}
        >
          {whitelist.edit.allowed || scope.readOnly ? null : (
            <div className="px-5 pt-4">
              <Alert tone="info" title="Read-only">
                {whitelist.edit.reason}.
              </Alert>
            </div>
          )}
          {whitelist.entries.length === 0 ? (
            <EmptyState icon="globe" title="No entries">
              {mayEdit
                ? "Add an address, CIDR block or range to let only those addresses in."
                : "Every address may reach this project."}
            </EmptyState>
          ) : (
            <WhitelistTable
              caption={`Whitelist of ${whitelist.project}`}
              entries={whitelist.entries}
              actions={
                mayEdit
                  ? (entry) => (
                      <WhitelistEntryActions
                        project={whitelist.project}
                        entry={entry}
                        entries={values}
                        sourceIp={whitelist.sourceIp}
                        updateAction={updateWhitelistEntryAction}
                        removeAction={removeWhitelistEntryAction}
                      />
                    )
                  : undefined
              }
            />
          )}
        </Card>
        <Card
          title="System whitelist"
          description="Maintained by the platform operator; it applies to every project of every account and is read-only in this console."
          padded={false}
        >
          {whitelist.system.length === 0 ? (
            <EmptyState icon="globe" title="No system whitelist">
              The platform restricts no address; only project whitelists apply.
            </EmptyState>
          ) : (
            <WhitelistTable caption="System whitelist" entries={whitelist.system} />
          )}
        </Card>
      </MainWithAside>
    </>
  );
}
