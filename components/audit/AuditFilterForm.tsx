import Link from "next/link";
import { buttonClasses } from "@/components/ui/Button";
import { Select } from "@/components/ui/Select";
import { TextInput } from "@/components/ui/TextInput";
import type { AuditQuery } from "./audit-query";

/**
 * The audit list's filters: a GET form, so a filtered view is a link one can share or bookmark. Actor, action,
 * project and object match exactly (each has an index); the search box matches text anywhere in a few fields.
 */
export function AuditFilterForm({
  query,
  errors,
}: {
  query: AuditQuery;
  errors?: Record<string, string[] | undefined>;
}) {
  const error = (name: string) => errors?.[name]?.[0];
  return (
    <form method="get" action="/audit" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4" aria-label="Filter events">
      <TextInput
        label="Search"
        name="q"
        defaultValue={query.q}
        maxLength={100}
        hint="Text in the action, actor, object or reason"
        error={error("q")}
      />
      <TextInput
        label="Actor"
        name="actor"
        defaultValue={query.actor}
        placeholder="RAM$wonderland:bob"
        error={error("actor")}
      />
      <TextInput
        label="Action"
        name="action"
        defaultValue={query.action}
        placeholder="grant.create"
        error={error("action")}
      />
      <TextInput label="Project" name="project" defaultValue={query.project} error={error("project")} />
      <TextInput label="Object" name="object" defaultValue={query.object} error={error("object")} />
      <Select
        label="Result"
        name="result"
        defaultValue={query.result ?? ""}
        options={[
          { value: "", label: "Any result" },
          { value: "SUCCESS", label: "Success" },
          { value: "DENIED", label: "Denied" },
          { value: "FAILED", label: "Failed" },
        ]}
        error={error("result")}
      />
      <TextInput label="From (UTC day)" name="from" type="date" defaultValue={query.from} error={error("from")} />
      <TextInput label="To (UTC day)" name="to" type="date" defaultValue={query.to} error={error("to")} />
      <div className="flex items-end gap-2 sm:col-span-2 lg:col-span-4">
        <button type="submit" className={buttonClasses("primary")}>
          Filter
        </button>
        <Link href="/audit" className={buttonClasses("secondary")}>
          Clear
        </Link>
      </div>
    </form>
  );
}
