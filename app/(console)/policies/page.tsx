import { ProjectPicker } from "@/components/console/ProjectPicker";
import { PolicyEditor } from "@/components/policies/PolicyEditor";
import { PolicyHistory } from "@/components/policies/PolicyHistory";
import { starterPolicy } from "@/components/policies/starter-policy";
import { AdministratorsOnly } from "@/components/console/AdministratorsOnly";
import { ReadOnlyNote } from "@/components/console/ReadOnlyNote";
import { Card } from "@/components/ui/Card";
import { EmptyState } from "@/components/ui/EmptyState";
import { PageHeader } from "@/components/ui/PageHeader";
import { Tabs } from "@/components/ui/Tabs";
import type { SearchParamsRecord } from "@/components/ui/table-params";
import { guardPage } from "@/lib/endpoint/page-guard";
import { pageProject } from "@/app/(console)/page-project";
import { readPage } from "@/lib/endpoint/read-page";
import { getPolicyEndpoint } from "@/lib/services/policies/get-policy";
import { dryRunPolicyAction, savePolicyAction } from "./actions";

export const metadata = { title: "Policies" };

const DESCRIPTION =
  "Allow and Deny statements with wildcards and conditions. A Deny wins over every Allow; the owner and administrators are not restricted by policies.";

const policyHref = (project: string, role: string | null) =>
  `/policies?${new URLSearchParams({ project, ...(role ? { role } : {}) })}`;

export default async function PoliciesPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  const { actor } = await guardPage("project.inspect");
  const params = await searchParams;
  const scope = await pageProject(params);
  if (!scope) {
    return (
      <>
        <PageHeader title="Policies" description={DESCRIPTION} />
        <Card>
          <EmptyState icon="file-text" title="No project yet">
            The account owner creates a project on the Projects page; its policies are edited here.
          </EmptyState>
        </Card>
      </>
    );
  }
  const role = typeof params.role === "string" && params.role !== "" ? params.role : null;
  const read = await readPage(getPolicyEndpoint, { project: scope.current, role });
  const header = (
    <PageHeader
      title="Policies"
      description={DESCRIPTION}
      actions={<ProjectPicker projects={scope.projects} current={scope.current} action="/policies" />}
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
  const policy = read.data;
  const tabs = [
    { href: policyHref(policy.project, null), label: "Project policy" },
    ...policy.roles.map((name) => ({ href: policyHref(policy.project, name), label: `Role ${name}` })),
  ];
  return (
    <>
      {header}
      {scope.readOnly ? <ReadOnlyNote project={policy.project} /> : null}
      <Tabs label="Policies of the project" items={tabs} current={policyHref(policy.project, policy.role)} />
      <p className="mb-4 text-sm text-slate-600">
        {policy.version === 0
          ? `The ${policy.label} has never been saved; it starts from a template that allows nothing until you edit it.`
          : `${scope.readOnly ? "The" : "Editing the"} ${policy.label}, version ${policy.version}, saved by ${policy.updatedBy ?? "a deleted user"} on ${policy.updatedAt?.slice(0, 16).replace("T", " ")} UTC.`}
      </p>
      {scope.readOnly ? (
        <Card title={`The ${policy.label}`}>
          {policy.document ? (
            <pre
              // Scrolls: focusable, so a keyboard reaches all of it.
              tabIndex={0}
              aria-label={`The ${policy.label}`}
              className="max-h-[32rem] overflow-auto rounded-md bg-slate-50 p-3 text-xs leading-relaxed text-slate-800"
            >
              {policy.document}
            </pre>
          ) : (
            <p className="text-sm text-slate-600">No policy: it allows and denies nothing.</p>
          )}
        </Card>
      ) : (
        <PolicyEditor
          key={`${policy.project}/${policy.role ?? ""}`}
          project={policy.project}
          role={policy.role}
          scope={policy.scope}
          version={policy.version}
          document={policy.document || starterPolicy(policy.project, actor.tenantName)}
          edit={policy.edit}
          saveAction={savePolicyAction}
          dryRunAction={dryRunPolicyAction}
        />
      )}
      <Card title="Version history" className="mt-6">
        <PolicyHistory history={policy.history} />
      </Card>
    </>
  );
}
