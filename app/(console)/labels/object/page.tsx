import Link from "next/link";
import { ReadOnlyNote } from "@/components/console/ReadOnlyNote";
import { NoProjectToManage, NotAdministered } from "@/components/console/ProjectNotices";
import { LabelStatementForm } from "@/components/labels/LabelStatementForm";
import { LEVEL_OPTIONS, labelObjectHref } from "@/components/labels/label-choices";
import { Badge } from "@/components/ui/Badge";
import { Card } from "@/components/ui/Card";
import { MainWithAside } from "@/components/ui/MainWithAside";
import { PageHeader } from "@/components/ui/PageHeader";
import type { SearchParamsRecord } from "@/components/ui/table-params";
import { guardPage } from "@/lib/endpoint/page-guard";
import { readPage } from "@/lib/endpoint/read-page";
import { describeLabelsEndpoint, type LabelSource } from "@/lib/services/labels/describe-labels";
import { pageProject } from "@/app/(console)/page-project";
import { setObjectLabelAction } from "../actions";

export const metadata = { title: "Table labels" };

const SOURCE_TEXT: Record<LabelSource, string> = {
  column: "column label",
  table: "table label",
  default: "default 0",
};

const text = (value: string | string[] | undefined) => (typeof value === "string" ? value : "");

export default async function ObjectLabelsPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  await guardPage("project.inspect");
  const query = await searchParams;
  const scope = await pageProject(query);
  const description =
    "Every column's effective label and where it comes from. A column's own label always wins over the table's, whichever was set last.";
  if (!scope) return <NoProjectToManage title="Table labels" description={description} />;
  const project = scope.current;
  const objectType = text(query.objectType) === "View" ? "View" : "Table";
  const objectName = text(query.objectName);
  const result = await readPage(describeLabelsEndpoint, { project, objectType, objectName });
  if (!result.ok) {
    return (
      <>
        <PageHeader title="Table labels" description={description} />
        <NotAdministered project={project} reason={result.error.message} />
      </>
    );
  }
  const described = result.data;
  return (
    <>
      <PageHeader
        title={`Labels of ${described.object}`}
        description={description}
        breadcrumbs={[{ label: "Labels", href: `/labels?project=${encodeURIComponent(project)}` }]}
        actions={
          <Link
            className="text-sm text-accent-700 underline"
            href={labelObjectHref("matrix", project, described.objectType, described.object)}
          >
            Who may read each column
          </Link>
        }
      />
      {scope.readOnly ? <ReadOnlyNote project={project} /> : null}
      <MainWithAside
        aside={
          scope.readOnly ? null : described.change.allowed ? (
            <Card
              title="Set labels"
              description={`SET LABEL n TO ${described.objectType.toUpperCase()} ${described.object}[(columns)]: check any number of columns for one statement, or none for the ${described.objectType.toLowerCase()} itself.`}
            >
              <LabelStatementForm
                action={setObjectLabelAction}
                name="Set labels"
                hidden={{ project, objectType: described.objectType, objectName: described.object }}
                submitLabel="Set label"
                fields={[{ name: "level", label: "Level", kind: "select", options: LEVEL_OPTIONS }]}
                columnChoices={described.columns.map((column) => ({
                  name: column.name,
                  description: `now ${column.label} (${SOURCE_TEXT[column.source]})`,
                }))}
              />
            </Card>
          ) : (
            <Card title="Set labels">{described.change.reason}</Card>
          )
        }
      >
        <Card
          title={`DESCRIBE ${described.object}`}
          description={`${described.objectType} label ${described.tableLabel}.${described.labelSecurity ? "" : " LabelSecurity is off in this project: labels are not enforced."}`}
        >
          <div
            role="region"
            aria-label={`Columns of ${described.object}`}
            tabIndex={0}
            className="max-h-[40rem] overflow-auto"
          >
            <table className="w-full text-sm">
              <caption className="sr-only">Columns of {described.object} with their labels</caption>
              <thead>
                <tr className="text-left text-slate-600">
                  <th scope="col" className="py-1 pr-3">
                    Column
                  </th>
                  <th scope="col" className="py-1 pr-3 text-right">
                    Label
                  </th>
                  <th scope="col" className="py-1">
                    Comes from
                  </th>
                </tr>
              </thead>
              <tbody>
                {described.columns.map((column) => (
                  <tr key={column.name} className="border-t border-slate-100">
                    <th scope="row" className="py-1 pr-3 font-mono font-normal">
                      {column.name}
                    </th>
                    <td className="py-1 pr-3 text-right">{column.label}</td>
                    <td className="py-1">
                      <Badge tone={column.source === "column" ? "accent" : "neutral"}>
                        {SOURCE_TEXT[column.source]}
                      </Badge>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Card>
      </MainWithAside>
    </>
  );
}
