import Link from "next/link";
import { buttonClasses } from "@/components/ui/Button";
import { EffectivePermissionsView } from "@/components/access/EffectivePermissionsView";
import { PermissionsFilter } from "@/components/access/PermissionsFilter";
import { ProjectPicker } from "@/components/console/ProjectPicker";
import { Alert } from "@/components/ui/Alert";
import { Card } from "@/components/ui/Card";
import { EmptyState } from "@/components/ui/EmptyState";
import { PageHeader } from "@/components/ui/PageHeader";
import { parseTableParams, type SearchParamsRecord } from "@/components/ui/table-params";
import { guardPage } from "@/lib/endpoint/page-guard";
import { pageProject } from "@/app/(console)/page-project";
import { readPage } from "@/lib/endpoint/read-page";
import { effectivePermissionsEndpoint } from "@/lib/services/access/effective-permissions";

export const metadata = { title: "My access" };

const DESCRIPTION = "What you may do in each project, object by object, and where each privilege comes from.";

export default async function MyAccessPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  await guardPage("access.request");
  const raw = await searchParams;
  const picked = await pageProject(raw);
  if (!picked) {
    return (
      <>
        <PageHeader title="My access" description={DESCRIPTION} />
        <Card>
          <EmptyState icon="lock" title="You are not in any project yet">
            Ask a project's owner or administrator to add you.
          </EmptyState>
        </Card>
      </>
    );
  }
  // The project rides along as a table filter, so paging links keep it.
  const params = parseTableParams(raw, {
    sortable: ["object"],
    defaultSort: { column: "object", dir: "asc" },
    filters: [
      { name: "project", label: "Project", options: picked.projects.map((name) => ({ value: name, label: name })) },
    ],
  });
  const result = await readPage(
    effectivePermissionsEndpoint,
    { project: picked.current, q: params.q, page: params.page, pageSize: params.pageSize },
    { invalidInputIsAnswer: true },
  );
  return (
    <>
      <PageHeader
        title="My access"
        description={DESCRIPTION}
        actions={
          <div className="flex flex-wrap items-end gap-2">
            <ProjectPicker projects={picked.projects} current={picked.current} action="/my-access" />
            <Link
              className={buttonClasses("primary", "md")}
              href={`/requests/new?project=${encodeURIComponent(picked.current)}`}
            >
              Ask for access
            </Link>
          </div>
        }
      />
      {result.ok ? (
        <EffectivePermissionsView
          data={result.data}
          params={{ ...params, filters: { project: picked.current } }}
          toolbar={<PermissionsFilter action="/my-access" hidden={{ project: picked.current }} q={params.q} />}
        />
      ) : (
        <Alert tone="danger" role="alert" title={result.error.message} />
      )}
    </>
  );
}
