import { OperationDetails } from "@/components/api-reference/OperationDetails";
import { Card } from "@/components/ui/Card";
import { EmptyState } from "@/components/ui/EmptyState";
import { PageHeader } from "@/components/ui/PageHeader";
import { TableFilter } from "@/components/ui/TableFilter";
import { parseTableParams, type SearchParamsRecord, type TableFilterDef } from "@/components/ui/table-params";
import { guardPage } from "@/lib/endpoint/page-guard";
import { readPage } from "@/lib/endpoint/read-page";
import { describeApiEndpoint } from "@/lib/services/api/describe-api";

export const metadata = { title: "API reference" };

/**
 * The HTTP API, rendered from the same OpenAPI document GET /api/v1/openapi.json serves: operations grouped by
 * tag, each a native disclosure (keyboard: Tab to it, Enter or Space to open), searchable by path or summary.
 */
export default async function ApiReferencePage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  await guardPage();
  const read = await readPage(describeApiEndpoint, {});
  if (!read.ok) throw new Error(read.error.message);
  const document = read.data;
  const filters: TableFilterDef[] = [
    { name: "tag", label: "Group", options: document.tags.map((tag) => ({ value: tag.name, label: tag.name })) },
  ];
  const params = parseTableParams(await searchParams, {
    sortable: ["path"],
    defaultSort: { column: "path", dir: "asc" },
    filters,
  });
  const needle = params.q.toLowerCase();
  const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({ path, method, operation })),
  );
  const shown = operations.filter(
    ({ path, method, operation }) =>
      (!params.filters.tag || operation.tags.includes(params.filters.tag)) &&
      `${method} ${path} ${operation.summary} ${operation.operationId}`.toLowerCase().includes(needle),
  );
  const groups = document.tags
    .map((tag) => ({ tag, operations: shown.filter(({ operation }) => operation.tags.includes(tag.name)) }))
    .filter((group) => group.operations.length > 0);
  return (
    <>
      <PageHeader
        title="API reference"
        description={
          <>
            Every console operation over HTTP, with the same checks and audit as the console. Send JSON; answers are{" "}
            <code>{"{ data }"}</code>, errors <code>{"{ error: { code, message, fieldErrors? } }"}</code>. The
            machine-readable document:{" "}
            <a className="font-medium text-accent-700 underline" href="/api/v1/openapi.json">
              OpenAPI 3.1 (JSON)
            </a>
            .
          </>
        }
      />
      <div className="mb-4">
        <TableFilter
          params={params}
          filters={filters}
          searchLabel="Search operations"
          searchPlaceholder="Path, summary or operation id"
        />
      </div>
      {groups.length > 0 ? (
        <div className="grid gap-6">
          <nav aria-label="API groups">
            <ul className="flex flex-wrap gap-2 text-sm">
              {groups.map(({ tag, operations: inGroup }) => (
                <li key={tag.name}>
                  <a className="rounded-sm text-accent-700 underline" href={`#group-${tag.name}`}>
                    {tag.name} ({inGroup.length})
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          {groups.map(({ tag, operations: inGroup }) => (
            <div key={tag.name} id={`group-${tag.name}`} className="scroll-mt-4">
              <Card title={tag.name} description={tag.description} padded={false}>
                {inGroup.map(({ path, method, operation }) => (
                  <OperationDetails
                    key={`${method} ${path}`}
                    method={method}
                    path={path}
                    operation={operation}
                    document={document}
                  />
                ))}
              </Card>
            </div>
          ))}
        </div>
      ) : (
        <Card>
          <EmptyState icon="search" title="No operation matches">
            Clear the search or choose another group to see the API&apos;s operations.
          </EmptyState>
        </Card>
      )}
    </>
  );
}
