import { ProjectPicker } from "@/components/console/ProjectPicker";
import { AdministratorsOnly } from "@/components/console/AdministratorsOnly";
import { ReadOnlyNote } from "@/components/console/ReadOnlyNote";
import { SettingsReadOnly } from "@/components/settings/SettingsReadOnly";
import { ExceptionPolicyForm } from "@/components/settings/ExceptionPolicyForm";
import { SecuritySwitchForm } from "@/components/settings/SecuritySwitchForm";
import { TrustedProjectsForm } from "@/components/settings/TrustedProjectsForm";
import { Card } from "@/components/ui/Card";
import { EmptyState } from "@/components/ui/EmptyState";
import { PageHeader } from "@/components/ui/PageHeader";
import type { SearchParamsRecord } from "@/components/ui/table-params";
import { guardPage } from "@/lib/endpoint/page-guard";
import { pageProject } from "@/app/(console)/page-project";
import { readPage } from "@/lib/endpoint/read-page";
import { getSecuritySettingsEndpoint } from "@/lib/services/settings/get-security-settings";
import { ApprovalSettingsForm } from "@/components/requests/ApprovalSettingsForm";
import { getApprovalSettingsEndpoint } from "@/lib/services/requests/get-approval-settings";
import {
  addTrustedProjectAction,
  removeTrustedProjectAction,
  updateApprovalSettingsAction,
  updateSecuritySettingsAction,
} from "./actions";

export const metadata = { title: "Settings" };

const DESCRIPTION =
  "The project's security configuration. Only the owner changes LabelSecurity, ProjectProtection, its exception policy and trusted projects; Super_Administrator the other switches.";

export default async function SettingsPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  await guardPage("project.inspect");
  const scope = await pageProject(await searchParams);
  if (!scope) {
    return (
      <>
        <PageHeader title="Settings" description={DESCRIPTION} />
        <Card>
          <EmptyState icon="settings" title="No project yet">
            The account owner creates a project on the Projects page; its security settings are changed here.
          </EmptyState>
        </Card>
      </>
    );
  }
  const read = await readPage(getSecuritySettingsEndpoint, { project: scope.current });
  const header = (
    <PageHeader
      title="Settings"
      description={DESCRIPTION}
      actions={<ProjectPicker projects={scope.projects} current={scope.current} action="/settings" />}
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
  const settings = read.data;
  const approvals = await readPage(getApprovalSettingsEndpoint, { project: scope.current });
  if (scope.readOnly) {
    return (
      <>
        {header}
        <ReadOnlyNote project={settings.project} />
        <SettingsReadOnly settings={settings} approvals={approvals.ok ? approvals.data : null} />
      </>
    );
  }
  return (
    <>
      {header}
      <div className="grid gap-6 xl:grid-cols-2">
        <Card
          title={`Security switches of ${settings.project}`}
          description="Each change takes effect on the next request and is written to the audit log."
          className="self-start"
        >
          <div className="grid gap-5">
            {settings.switches.map((item) => (
              <SecuritySwitchForm
                key={item.setting}
                project={settings.project}
                {...item}
                action={updateSecuritySettingsAction}
              />
            ))}
          </div>
        </Card>
        <div className="grid content-start gap-6">
          <Card
            title="ProjectProtection exception policy"
            description="Lets chosen data leave the project while ProjectProtection is on."
          >
            <ExceptionPolicyForm
              project={settings.project}
              document={settings.exceptionPolicy.document}
              change={settings.exceptionPolicy.change}
              action={updateSecuritySettingsAction}
            />
          </Card>
          <Card
            title="Trusted projects"
            description="Under ProjectProtection, data may be read into these projects (not downloaded)."
          >
            <TrustedProjectsForm
              project={settings.project}
              names={settings.trustedProjects.names}
              change={settings.trustedProjects.change}
              addAction={addTrustedProjectAction}
              removeAction={removeTrustedProjectAction}
            />
          </Card>
          {approvals.ok ? (
            <Card
              title="Access requests"
              description="Who approves members' access requests, how many approvals each kind needs, and how long grants last."
            >
              <ApprovalSettingsForm settings={approvals.data} action={updateApprovalSettingsAction} />
            </Card>
          ) : null}
        </div>
      </div>
    </>
  );
}
