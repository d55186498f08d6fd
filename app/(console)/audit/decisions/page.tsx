import Link from "next/link";
import { forbidden } from "next/navigation";
import { StaticTable, type StaticColumn } from "@/components/access/StaticTable";
import { queryString } from "@/components/audit/audit-query";
import { Badge } from "@/components/ui/Badge";
import { buttonClasses } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { PageHeader } from "@/components/ui/PageHeader";
import { Select } from "@/components/ui/Select";
import { Tabs } from "@/components/ui/Tabs";
import { TextInput } from "@/components/ui/TextInput";
import type { SearchParamsRecord } from "@/components/ui/table-params";
import { guardPage } from "@/lib/endpoint/page-guard";
import { readPage } from "@/lib/endpoint/read-page";
import { listAccessDecisionsEndpoint, type listAccessDecisions } from "@/lib/services/audit/list-access-decisions";
import { AUDIT_TABS } from "../audit-tabs";

export const metadata = { title: "Access decisions" };

type DecisionRow = Awaited<ReturnType<typeof listAccessDecisions>>["items"][number];
const FILTERS = ["principal", "object", "effect", "project", "from", "to"] as const;
const DAY = /^\d{4}-\d\d-\d\d$/;

const COLUMNS: StaticColumn<DecisionRow>[] = [
  { header: "Time (UTC)", cell: (row) => <time dateTime={row.at}>{row.at.replace("T", " ").slice(0, 19)}</time> },
  { header: "Principal", cell: (row) => <code className="text-xs">{row.principal}</code> },
  { header: "Project", cell: (row) => row.project },
  { header: "Object", cell: (row) => `${row.object.type} ${row.object.name}` },
  { header: "Action", cell: (row) => row.action, className: "hidden lg:table-cell" },
  {
    header: "Decision",
    cell: (row) => <Badge tone={row.effect === "Allow" ? "success" : "danger"}>{row.effect}</Badge>,
  },
  { header: "Decided by", cell: (row) => row.decidedBy, className: "hidden md:table-cell" },
  {
    header: "Asked by",
    cell: (row) => <code className="text-xs">{row.caller}</code>,
    className: "hidden xl:table-cell",
  },
];

export default async function AccessDecisionsPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  await guardPage("audit.read");
  const params = await searchParams;
  const query: Record<string, string> = {};
  for (const name of FILTERS) {
    const value = params[name];
    if (typeof value === "string" && value.trim() !== "") query[name] = value.slice(0, 400);
  }
  const before = typeof params.before === "string" ? params.before : undefined;
  // The form's days are UTC days; the API takes instants (`to` exclusive, so the whole day counts).
  const input: Record<string, string | undefined> = { ...query, before };
  if (query.from && DAY.test(query.from)) input.from = `${query.from}T00:00:00Z`;
  if (query.to && DAY.test(query.to))
    input.to = new Date(Date.parse(`${query.to}T00:00:00Z`) + 86_400_000).toISOString();
  const read = await readPage(listAccessDecisionsEndpoint, input, { invalidInputIsAnswer: true });
  if (!read.ok && read.error.code !== "INVALID_INPUT") forbidden();
  const error = (name: string) => (read.ok ? undefined : read.error.fieldErrors?.[name]?.[0]);
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every answer the decision API and Check access gave about your account's projects, allows and denies."
      />
      <Tabs items={AUDIT_TABS} current="/audit/decisions" label="Audit sections" />
      <Card title="Access decisions" className="mb-6">
        <form
          method="get"
          action="/audit/decisions"
          aria-label="Filter decisions"
          className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3"
        >
          <TextInput label="Principal" name="principal" defaultValue={query.principal} error={error("principal")} />
          <TextInput label="Object" name="object" defaultValue={query.object} error={error("object")} />
          <TextInput label="Project" name="project" defaultValue={query.project} error={error("project")} />
          <Select
            label="Decision"
            name="effect"
            defaultValue={query.effect ?? ""}
            options={[
              { value: "", label: "Any decision" },
              { value: "Allow", label: "Allow" },
              { value: "Deny", label: "Deny" },
            ]}
            error={error("effect")}
          />
          <TextInput label="From (UTC day)" name="from" type="date" defaultValue={query.from} error={error("from")} />
          <TextInput label="To (UTC day)" name="to" type="date" defaultValue={query.to} error={error("to")} />
          <div className="flex items-end gap-2 sm:col-span-2 lg:col-span-3">
            <button type="submit" className={buttonClasses("primary")}>
              Filter
            </button>
            <Link href="/audit/decisions" className={buttonClasses("secondary")}>
              Clear
            </Link>
          </div>
        </form>
      </Card>
      {!read.ok ? (
        <p className="text-sm text-danger-700">Some filters need attention: see the fields above.</p>
      ) : read.data.items.length === 0 ? (
        <p className="rounded-md border border-dashed border-slate-200 p-6 text-center text-sm text-slate-500">
          No decisions match. Decisions appear when someone uses Check access or a query engine asks the decision API.
        </p>
      ) : (
        <>
          <StaticTable caption="Access decisions" columns={COLUMNS} rows={read.data.items} rowKey={(row) => row.id} />
          <nav aria-label="Decision pages" className="mt-3 flex justify-end gap-2">
            {before ? (
              <Link href={`/audit/decisions${queryString(query)}`} className={buttonClasses("ghost", "sm")}>
                Newest
              </Link>
            ) : null}
            {read.data.nextBefore ? (
              <Link
                href={`/audit/decisions${queryString({ ...query, before: read.data.nextBefore })}`}
                className={buttonClasses("secondary", "sm")}
              >
                Older decisions
              </Link>
            ) : null}
          </nav>
        </>
      )}
    </>
  );
}
