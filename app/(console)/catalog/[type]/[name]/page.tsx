import Link from "next/link";
import { notFound } from "next/navigation";
import { EditObjectForm } from "@/components/catalog/EditObjectForm";
import { objectAclHref } from "@/components/catalog/catalog-links";
import { NotAdministered } from "@/components/console/ProjectNotices";
import { Badge } from "@/components/ui/Badge";
import { Card } from "@/components/ui/Card";
import { KeyValue } from "@/components/ui/KeyValue";
import { PageHeader } from "@/components/ui/PageHeader";
import type { SearchParamsRecord } from "@/components/ui/table-params";
import { CATALOG_TYPES } from "@/lib/catalog/object-spec";
import { guardPage } from "@/lib/endpoint/page-guard";
import { pageProject } from "@/app/(console)/page-project";
import { readPage } from "@/lib/endpoint/read-page";
import { getObjectEndpoint } from "@/lib/services/catalog/get-object";
import { updateObjectAction } from "../../actions";

export const metadata = { title: "Catalog object" };

type Params = { type: string; name: string };

export default async function CatalogObjectPage({
  params,
  searchParams,
}: {
  params: Promise<Params>;
  searchParams: Promise<SearchParamsRecord>;
}) {
  await guardPage("access.request");
  const route = await params;
  const type = CATALOG_TYPES.find((candidate) => candidate.toLowerCase() === route.type.toLowerCase());
  const scope = await pageProject(await searchParams);
  if (!type || !scope) notFound();
  const name = decodeURIComponent(route.name);
  const result = await readPage(
    getObjectEndpoint,
    { project: scope.current, type, name },
    { invalidInputIsAnswer: true },
  );
  // A name no object could have (the path is typed by hand) is as absent as any other.
  if (!result.ok && result.error.code === "INVALID_INPUT") notFound();
  const catalogHref = `/catalog?project=${encodeURIComponent(scope.current)}`;
  if (!result.ok) {
    return (
      <>
        <PageHeader
          title={`${type} ${name}`}
          breadcrumbs={[{ label: `Catalog of ${scope.current}`, href: catalogHref }]}
        />
        <NotAdministered project={scope.current} reason={result.error.message} />
      </>
    );
  }
  const object = result.data;
  return (
    <>
      <PageHeader
        title={
          <span className="inline-flex items-center gap-2">
            <span className="font-mono">{object.name}</span>
            <Badge tone="accent">{object.type}</Badge>
          </span>
        }
        description={object.description || undefined}
        breadcrumbs={[{ label: `Catalog of ${scope.current}`, href: catalogHref }]}
        actions={
          <Link
            href={objectAclHref(scope.current, object.type, object.name)}
            className="text-sm font-medium text-accent-700 hover:underline"
          >
            Show ACL
          </Link>
        }
      />
      <div className="grid gap-6 xl:grid-cols-[20rem_minmax(0,1fr)]">
        <Card title="Details">
          <KeyValue
            items={[
              { label: "Project", value: scope.current },
              { label: "Creator", value: object.creator },
              {
                label: "Label",
                value: object.label > 0 ? <Badge tone="warn">{object.label}</Badge> : "0 (unclassified)",
              },
              {
                label: "Created",
                value: <time dateTime={object.createdAt}>{object.createdAt.slice(0, 16).replace("T", " ")}</time>,
              },
              {
                label: "Updated",
                value: <time dateTime={object.updatedAt}>{object.updatedAt.slice(0, 16).replace("T", " ")}</time>,
              },
            ]}
          />
        </Card>
        <Card
          title="Edit"
          description="Columns can be added, renamed, retyped and commented; renaming a column carries its column grants along."
        >
          <EditObjectForm action={updateObjectAction} project={scope.current} object={object} />
        </Card>
      </div>
    </>
  );
}
