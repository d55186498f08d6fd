import Link from "next/link";
import { notFound } from "next/navigation";
import { StaticTable } from "@/components/access/StaticTable";
import { ReadOnlyNote } from "@/components/console/ReadOnlyNote";
import { NotAdministered } from "@/components/console/ProjectNotices";
import { ConfirmedRowAction } from "@/components/packages/ConfirmedRowAction";
import { PackageActionForm } from "@/components/packages/PackageActionForm";
import { PackageReadersTable } from "@/components/packages/PackageReadersTable";
import { Alert } from "@/components/ui/Alert";
import { Badge } from "@/components/ui/Badge";
import { Card } from "@/components/ui/Card";
import { EmptyState } from "@/components/ui/EmptyState";
import { MainWithAside } from "@/components/ui/MainWithAside";
import { PageHeader } from "@/components/ui/PageHeader";
import { parseTableParams, type SearchParamsRecord } from "@/components/ui/table-params";
import { pageProject } from "@/app/(console)/page-project";
import { grantPrivilegesAction, revokeGrantAction } from "@/app/(console)/grants/actions";
import { guardPage } from "@/lib/endpoint/page-guard";
import { readPage } from "@/lib/endpoint/read-page";
import { describePackageEndpoint, type PackageDescription } from "@/lib/services/packages/describe-package";
import { packageReadersEndpoint } from "@/lib/services/packages/package-readers";
import { PACKAGE_OBJECT_TYPES } from "@/lib/services/packages/support/package-fields";
import {
  addPackageObjectAction,
  allowPackageProjectAction,
  disallowPackageProjectAction,
  dropPackageAction,
  removePackageObjectAction,
  uninstallPackageAction,
} from "../actions";

export const metadata = { title: "Package" };

type Provider = Extract<PackageDescription, { side: "provider" }>;
type Installer = Extract<PackageDescription, { side: "installer" }>;
type SharedObject = PackageDescription["objects"][number];

/** An auditor reads: a table without its column of changes. */
const withoutChanges = <Column extends { header: string }>(readOnly: boolean, columns: Column[]): Column[] =>
  readOnly ? columns.filter((column) => column.header !== "Actions") : columns;

const objectKey = (object: SharedObject) => `${object.type}/${object.name}`;
const privilegeBadges = (object: SharedObject) => (
  <span className="flex flex-wrap gap-1">
    {object.privileges.map((privilege) => (
      <Badge key={privilege}>{privilege}</Badge>
    ))}
  </span>
);

function ProviderView({ project, pkg, readOnly }: { project: string; pkg: Provider; readOnly: boolean }) {
  const fields = { project, packageName: pkg.name };
  return (
    <>
      <PageHeader
        title={`Package ${pkg.name}`}
        description={pkg.description || `Shared by ${project}.`}
        actions={
          readOnly ? null : (
            <ConfirmedRowAction
              action={dropPackageAction}
              fields={fields}
              label="Drop package"
              subject=""
              title={`Drop package ${pkg.name}?`}
              confirmLabel="Drop package"
              successMessage={`Package ${pkg.name} dropped`}
            >
              <p>
                Every project that installed it loses what it shares on its next request, and its grants on it go too.
                This cannot be undone.
              </p>
            </ConfirmedRowAction>
          )
        }
      />
      {readOnly ? <ReadOnlyNote project={project} /> : null}
      <MainWithAside
        aside={
          readOnly ? null : (
            <>
              <Card
                title="Add an object"
                description="ADD ... TO PACKAGE. Adding an object again replaces its privileges."
              >
                <PackageActionForm
                  action={addPackageObjectAction}
                  label="Add an object to the package"
                  hidden={fields}
                  fields={[
                    {
                      name: "objectType",
                      label: "Type",
                      options: PACKAGE_OBJECT_TYPES.map((type) => ({ value: type, label: type })),
                      defaultValue: "Table",
                    },
                    { name: "objectName", label: "Object name", required: true },
                    {
                      name: "privileges",
                      label: "Privileges",
                      hint: "Comma-separated, e.g. Describe, Select, Download. Empty: Read/Describe/Select as the type has them.",
                    },
                  ]}
                  submitLabel="Add to package"
                  successMessage={`Object added to ${pkg.name}`}
                />
              </Card>
              <Card
                title="Allow a project"
                description="ALLOW PROJECT ... TO INSTALL PACKAGE. Its users read the package's data with the label as clearance."
              >
                <PackageActionForm
                  action={allowPackageProjectAction}
                  label="Allow a project to install the package"
                  hidden={fields}
                  fields={[
                    {
                      name: "allowedProject",
                      label: "Project",
                      required: true,
                      hint: "Any project, of any account, by its name.",
                    },
                    {
                      name: "label",
                      label: "Using label",
                      defaultValue: "0",
                      hint: "0–9; 0 reads only unlabelled data.",
                      options: Array.from({ length: 10 }, (_, level) => ({
                        value: String(level),
                        label: String(level),
                      })),
                    },
                  ]}
                  submitLabel="Allow"
                  successMessage={`Project allowed to install ${pkg.name}`}
                />
              </Card>
            </>
          )
        }
      >
        <Card title="Objects" padded={pkg.objects.length === 0}>
          {pkg.objects.length === 0 ? (
            <EmptyState icon="inbox" title="Nothing shared yet">
              Add the tables, views, functions or resources to share, with the privileges installers get.
            </EmptyState>
          ) : (
            <StaticTable<SharedObject>
              caption={`Objects of package ${pkg.name}`}
              rows={pkg.objects}
              rowKey={objectKey}
              columns={withoutChanges(readOnly, [
                { header: "Type", cell: (object) => object.type },
                { header: "Object", cell: (object) => <span className="font-medium">{object.name}</span> },
                { header: "Privileges", cell: privilegeBadges },
                {
                  header: "Actions",
                  className: "text-right",
                  cell: (object) => (
                    <ConfirmedRowAction
                      action={removePackageObjectAction}
                      fields={{ ...fields, objectType: object.type, objectName: object.name }}
                      label="Remove"
                      subject={`${object.name} from ${pkg.name}`}
                      title={`Remove ${object.name} from ${pkg.name}?`}
                      confirmLabel="Remove"
                      successMessage={`${object.name} removed from ${pkg.name}`}
                    >
                      <p>Projects that installed the package lose access to it on their next request.</p>
                    </ConfirmedRowAction>
                  ),
                },
              ])}
            />
          )}
        </Card>
        <Card title="Allowed projects" padded={pkg.allowedProjects.length === 0} className="mt-6">
          {pkg.allowedProjects.length === 0 ? (
            <EmptyState icon="users" title="No project may install it yet">
              Allow a project to install the package, with the label its users read at.
            </EmptyState>
          ) : (
            <StaticTable<Provider["allowedProjects"][number]>
              caption={`Projects allowed to install ${pkg.name}`}
              rows={pkg.allowedProjects}
              rowKey={(row) => row.project}
              columns={withoutChanges(readOnly, [
                { header: "Project", cell: (row) => <span className="font-medium">{row.project}</span> },
                { header: "Label", cell: (row) => row.label },
                {
                  header: "Installed",
                  cell: (row) =>
                    row.installedAt ? (
                      <Badge tone="success">{row.installedAt.slice(0, 10)}</Badge>
                    ) : (
                      <Badge>Not installed</Badge>
                    ),
                },
                {
                  header: "Actions",
                  className: "text-right",
                  cell: (row) => (
                    <ConfirmedRowAction
                      action={disallowPackageProjectAction}
                      fields={{ ...fields, allowedProject: row.project }}
                      label="Disallow"
                      subject={row.project}
                      title={`Disallow ${row.project}?`}
                      confirmLabel="Disallow"
                      successMessage={`${row.project} may no longer install ${pkg.name}`}
                    >
                      <p>
                        {row.installedAt
                          ? `${row.project} installed the package: its users lose access on their next request.`
                          : `${row.project} can no longer install the package.`}
                      </p>
                    </ConfirmedRowAction>
                  ),
                },
              ])}
            />
          )}
          {pkg.disallowedInstallations.length > 0 ? (
            <p className="px-4 py-3 text-sm text-slate-600">
              Installed but no longer allowed (they read nothing through it):{" "}
              {pkg.disallowedInstallations.map((row) => row.project).join(", ")}.
            </p>
          ) : null}
        </Card>
      </MainWithAside>
    </>
  );
}

function InstallerView({
  project,
  pkg,
  readers,
  readOnly,
}: {
  project: string;
  pkg: Installer;
  readers: React.ReactNode;
  readOnly: boolean;
}) {
  return (
    <>
      <PageHeader
        title={`Package ${pkg.name}`}
        description={`Installed in ${project} on ${pkg.installedAt.slice(0, 10)}, from project ${pkg.ownerProject}.`}
        actions={
          readOnly ? null : (
            <ConfirmedRowAction
              action={uninstallPackageAction}
              fields={{ project, package: pkg.name }}
              label="Uninstall"
              subject={pkg.name}
              title={`Uninstall ${pkg.name}?`}
              confirmLabel="Uninstall"
              successMessage={`${pkg.name} uninstalled`}
            >
              <p>Nobody in {project} reads through it any longer, and its Read grants here are revoked.</p>
            </ConfirmedRowAction>
          )
        }
      />
      {pkg.allowed ? null : (
        <Alert
          tone="warn"
          title={`${pkg.ownerProject} no longer allows ${project} to install this package`}
          className="mb-6"
        >
          Nobody here reads anything through it until it is allowed again. Uninstall it, or ask its owner.
        </Alert>
      )}
      {readOnly ? <ReadOnlyNote project={project} /> : null}
      <MainWithAside
        aside={
          readOnly ? null : (
            <Card
              title="Grant Read on the package"
              description="Users and roles of this project holding Read on it read what it shares, at its label."
            >
              <PackageActionForm
                action={grantPrivilegesAction}
                label="Grant Read on the package"
                hidden={{ project, objectType: "Package", objectName: pkg.name, privileges: "Read" }}
                fields={[
                  {
                    name: "granteeType",
                    label: "Grantee type",
                    options: [
                      { value: "Role", label: "Role" },
                      { value: "User", label: "User" },
                    ],
                    defaultValue: "Role",
                  },
                  {
                    name: "grantee",
                    label: "Grantee",
                    required: true,
                    hint: "A role's name, or a member's principal or email.",
                  },
                ]}
                submitLabel="Grant Read"
                successMessage={`Read on ${pkg.name} granted`}
              />
            </Card>
          )
        }
      >
        <Card title={`Shared objects, at label ${pkg.label ?? "—"}`} padded={false}>
          <StaticTable<SharedObject>
            caption={`Objects of package ${pkg.name}`}
            rows={pkg.objects}
            rowKey={objectKey}
            columns={[
              { header: "Type", cell: (object) => object.type },
              {
                header: "Object",
                cell: (object) => <span className="font-medium">{`${pkg.ownerProject}.${object.name}`}</span>,
              },
              { header: "Privileges", cell: privilegeBadges },
            ]}
          />
        </Card>
        <Card title="Read grants" padded={pkg.grants.length === 0} className="mt-6">
          {pkg.grants.length === 0 ? (
            <EmptyState icon="key" title="Nobody but the administrators uses it yet">
              Grant Read on the package to the roles or users who need its data.
            </EmptyState>
          ) : (
            <StaticTable<Installer["grants"][number]>
              caption={`Grants on ${pkg.name}`}
              rows={pkg.grants}
              rowKey={(grant) => grant.id}
              columns={withoutChanges(readOnly, [
                { header: "Grantee", cell: (grant) => <code>{grant.grantee}</code> },
                { header: "Type", cell: (grant) => grant.granteeType },
                { header: "Privilege", cell: (grant) => grant.privilege },
                {
                  header: "Actions",
                  className: "text-right",
                  cell: (grant) => (
                    <ConfirmedRowAction
                      action={revokeGrantAction}
                      fields={{ project, grantId: grant.id }}
                      label="Revoke"
                      subject={`${grant.privilege} from ${grant.grantee}`}
                      title={`Revoke Read on ${pkg.name} from ${grant.grantee}?`}
                      confirmLabel="Revoke"
                      successMessage="Grant revoked"
                    >
                      <p>They stop reading through the package on their next request.</p>
                    </ConfirmedRowAction>
                  ),
                },
              ])}
            />
          )}
        </Card>
        <Card
          title="What each person may read"
          description="Every column of every shared table, decided by the engine now: the package's label, Read on it, and the owner's LabelSecurity."
          padded={false}
          className="mt-6"
        >
          {readers}
        </Card>
      </MainWithAside>
    </>
  );
}

export default async function PackagePage({
  params,
  searchParams,
}: {
  params: Promise<{ name: string }>;
  searchParams: Promise<SearchParamsRecord>;
}) {
  await guardPage("project.inspect");
  const [{ name }, query] = await Promise.all([params, searchParams]);
  const scope = await pageProject(query);
  if (!scope) notFound();
  const packageName = decodeURIComponent(name);
  const read = await readPage(describePackageEndpoint, { project: scope.current, packageName });
  if (!read.ok) {
    if (read.error.code === "FORBIDDEN") return <NotAdministered project={scope.current} reason={read.error.message} />;
    notFound();
  }
  const back = (
    <p className="mb-4 text-sm">
      <Link
        href={`/packages?project=${encodeURIComponent(scope.current)}${read.data.side === "installer" ? "&view=installed" : ""}`}
        className="text-accent-700 hover:underline"
      >
        ← Packages of {scope.current}
      </Link>
    </p>
  );
  if (read.data.side === "provider")
    return (
      <>
        {back}
        <ProviderView project={scope.current} pkg={read.data} readOnly={scope.readOnly} />
      </>
    );
  const tableParams = parseTableParams(query, {
    sortable: ["person"],
    defaultSort: { column: "person", dir: "asc" },
    pageSizes: [10, 25, 50],
  });
  const readers = await readPage(packageReadersEndpoint, {
    project: scope.current,
    package: read.data.name,
    q: tableParams.q || undefined,
    page: tableParams.page,
    pageSize: tableParams.pageSize,
  });
  return (
    <>
      {back}
      <InstallerView
        project={scope.current}
        pkg={read.data}
        readOnly={scope.readOnly}
        readers={
          readers.ok ? (
            <PackageReadersTable readers={readers.data} params={tableParams} />
          ) : (
            <p className="p-4 text-sm text-slate-600">{readers.error.message}</p>
          )
        }
      />
    </>
  );
}
