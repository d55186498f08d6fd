import { EffectivePermissionsView } from "@/components/access/EffectivePermissionsView";
import { firstFieldErrors, firstParam } from "@/components/access/form-errors";
import { PermissionsFilter } from "@/components/access/PermissionsFilter";
import { WhoCanAccessForm, type WhoCanAccessValues } from "@/components/access/WhoCanAccessForm";
import { WhoCanAccessView } from "@/components/access/WhoCanAccessView";
import { ProjectPicker } from "@/components/console/ProjectPicker";
import { Alert } from "@/components/ui/Alert";
import { Card } from "@/components/ui/Card";
import { EmptyState } from "@/components/ui/EmptyState";
import { PageHeader } from "@/components/ui/PageHeader";
import { parseTableParams, type SearchParamsRecord } from "@/components/ui/table-params";
import { Tabs } from "@/components/ui/Tabs";
import { ReadOnlyNote } from "@/components/console/ReadOnlyNote";
import { guardPage } from "@/lib/endpoint/page-guard";
import { pageProject } from "@/app/(console)/page-project";
import { readPage } from "@/lib/endpoint/read-page";
import { requestablePrivilegesOf } from "@/lib/services/access/check-access";
import { effectivePermissionsEndpoint } from "@/lib/services/access/effective-permissions";
import { inspectionOptionsEndpoint, type InspectionOptions } from "@/lib/services/access/inspection-options";
import { whoCanAccessEndpoint } from "@/lib/services/access/who-can-access";

export const metadata = { title: "Effective permissions" };

const DESCRIPTION =
  "What a user can do in a project and where each privilege comes from — or, the other way round, who can read a table or column.";

export default async function EffectivePermissionsPage({
  searchParams,
}: {
  searchParams: Promise<SearchParamsRecord>;
}) {
  await guardPage("project.inspect");
  const raw = await searchParams;
  const picked = await pageProject(raw);
  if (!picked) {
    return (
      <>
        <PageHeader title="Effective permissions" description={DESCRIPTION} />
        <Card>
          <EmptyState icon="folder" title="No projects yet">
            Create a project or ask to be added to one.
          </EmptyState>
        </Card>
      </>
    );
  }
  const view = firstParam(raw.view) === "object" ? "object" : "user";
  const project = picked.current;
  const optionsRead = await readPage(inspectionOptionsEndpoint, { project });
  // Any member of the project may draw the forms; pageProject offered only projects the user is in.
  if (!optionsRead.ok) throw new Error(optionsRead.error.message);
  const options = optionsRead.data;
  const tabHref = (tab: string) => `/effective-permissions?${new URLSearchParams({ project, view: tab }).toString()}`;
  return (
    <>
      <PageHeader
        title="Effective permissions"
        description={DESCRIPTION}
        actions={<ProjectPicker projects={picked.projects} current={project} action="/effective-permissions" />}
      />
      {picked.readOnly ? <ReadOnlyNote project={project} /> : null}
      <Tabs
        label="Effective permissions views"
        current={tabHref(view)}
        items={[
          { href: tabHref("user"), label: "What a user can do" },
          { href: tabHref("object"), label: "Who can access a table" },
        ]}
      />
      {view === "user" ? (
        <ByUser raw={raw} projects={picked.projects} options={options} />
      ) : (
        <ByObject raw={raw} options={options} />
      )}
    </>
  );
}

async function ByUser({
  raw,
  projects,
  options,
}: {
  raw: SearchParamsRecord;
  projects: string[];
  options: InspectionOptions;
}) {
  const { project } = options;
  // Project, user and view ride along as table filters, so paging links keep them.
  const params = parseTableParams(raw, {
    sortable: ["object"],
    defaultSort: { column: "object", dir: "asc" },
    filters: [
      { name: "project", label: "Project", options: projects.map((name) => ({ value: name, label: name })) },
      { name: "view", label: "View", options: [{ value: "user", label: "User" }] },
    ],
  });
  const principal = firstParam(raw.principal);
  const filter = (
    <PermissionsFilter
      action="/effective-permissions"
      hidden={{ project, view: "user" }}
      principal={{ project, mayInspectOthers: options.mayInspectOthers, self: options.self, current: principal }}
      q={params.q}
    />
  );
  if (!principal) {
    return (
      <Card>
        {filter}
        <EmptyState icon="users" title="Choose a user">
          Every object of {project} is listed with the privileges the user holds and where each comes from: a direct
          grant, a role, a package, ownership or an administrative role, the creator rule or a policy statement — plus
          their label clearance and what labels hide.
        </EmptyState>
      </Card>
    );
  }
  const result = await readPage(
    effectivePermissionsEndpoint,
    { project, principal, q: params.q, page: params.page, pageSize: params.pageSize },
    { invalidInputIsAnswer: true },
  );
  if (!result.ok) {
    return (
      <Card>
        {filter}
        <Alert tone="danger" role="alert" title={result.error.message} className="mt-4" />
      </Card>
    );
  }
  return (
    <EffectivePermissionsView
      data={result.data}
      params={{ ...params, filters: { project, principal, view: "user" } }}
      toolbar={filter}
    />
  );
}

async function ByObject({ raw, options }: { raw: SearchParamsRecord; options: InspectionOptions }) {
  const { project } = options;
  const initial: WhoCanAccessValues = {
    objectType: firstParam(raw.objectType) === "View" ? "View" : "Table",
    objectName: firstParam(raw.objectName),
    column: firstParam(raw.column),
    privilege: firstParam(raw.privilege) || "Select",
  };
  const listing = { effect: firstParam(raw.effect) === "Deny" ? "Deny" : "Allow", page: firstParam(raw.page) || "1" };
  const result = initial.objectName
    ? await readPage(whoCanAccessEndpoint, { project, ...initial, ...listing }, { invalidInputIsAnswer: true })
    : null;
  const hrefFor = (change: { effect?: string; page?: number }) =>
    `/effective-permissions?${new URLSearchParams({
      project,
      view: "object",
      ...initial,
      ...listing,
      ...change,
      page: String(change.page ?? listing.page),
    }).toString()}`;
  const error = result && !result.ok ? result.error : null;
  return (
    <div className="grid gap-6">
      <Card>
        {error ? <Alert tone="danger" role="alert" title={error.message} className="mb-4" /> : null}
        <WhoCanAccessForm
          key={JSON.stringify(initial)}
          project={project}
          privileges={requestablePrivilegesOf("Table")}
          initial={initial}
          errors={firstFieldErrors(error)}
        />
      </Card>
      {result?.ok ? (
        <WhoCanAccessView data={result.data} hrefFor={hrefFor} />
      ) : result ? null : (
        <Card>
          <EmptyState icon="users" title="Choose a table">
            See which members may read it (or one of its columns), what allows each of them, and which layer stops the
            others — labels, grants, policies or the whitelist.
          </EmptyState>
        </Card>
      )}
    </div>
  );
}
