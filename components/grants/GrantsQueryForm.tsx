import Form from "next/form";
import Link from "next/link";
import { buttonClasses } from "@/components/ui/Button";
import { controlClasses } from "@/components/ui/field-styles";
import { NativeSelect } from "@/components/ui/Select";
import type { TableFilterDef, TableParams } from "@/components/ui/table-params";
import { OBJECT_TYPES, PRIVILEGES } from "@/lib/authz";
import type { GrantFormOptions } from "@/lib/services/grants/grant-form-options";
import { ROLE_PREFIX } from "@/lib/shared/role-prefix";
import { SuggestInput } from "@/components/ui/SuggestInput";

export interface GrantsQuery {
  project: string;
  view: "principal" | "object";
  principal: string;
  objectType: string;
  objectName: string;
}

/** The list filters the form sets, as parseTableParams reads them back. */
export const PRIVILEGE_FILTER: TableFilterDef = {
  name: "privilege",
  label: "Privilege",
  options: PRIVILEGES.map((privilege) => ({ value: privilege, label: privilege })),
};
export const STATUS_FILTER: TableFilterDef = {
  name: "status",
  label: "Status",
  options: [
    { value: "active", label: "Active" },
    { value: "expired", label: "Expired" },
  ],
};

/** `?project=…&view=…` plus what the view shows, as the Grants page's links write it. */
export function grantsHref(query: GrantsQuery): string {
  const entries = Object.entries(query).filter(([, value]) => value !== "");
  return `/grants?${new URLSearchParams(entries).toString()}`;
}

/**
 * Chooses whose grants (SHOW GRANTS FOR a user or role, or everyone's) or which object's ACL the Grants
 * page lists, with its search and filters: a GET form, so every view can be linked to and works without JS.
 */
export function GrantsQueryForm({
  query,
  params,
  options,
}: {
  query: GrantsQuery;
  params: TableParams;
  options: GrantFormOptions;
}) {
  const label = "text-xs font-medium text-slate-600";
  return (
    <Form
      action="/grants"
      role="search"
      aria-label={query.view === "object" ? "Show ACL for an object" : "Show grants"}
      className="grid gap-3"
    >
      <input type="hidden" name="project" value={query.project} />
      <input type="hidden" name="view" value={query.view} />
      <input type="hidden" name="sort" value={params.sort} />
      <input type="hidden" name="dir" value={params.dir} />
      <input type="hidden" name="pageSize" value={params.pageSize} />
      <div className="flex flex-wrap items-end gap-2">
        {query.view === "principal" ? (
          <label className={`grid min-w-56 flex-1 gap-1 ${label}`}>
            User or role
            <SuggestInput
              name="principal"
              project={query.project}
              source={{ kind: "member" }}
              fixedOptions={options.roles.map((role) => `${ROLE_PREFIX}${role}`)}
              defaultValue={query.principal}
              placeholder={`Everyone; or an email, RAM$…, ${ROLE_PREFIX}<name>`}
            />
          </label>
        ) : (
          <>
            <label className={`grid gap-1 ${label}`}>
              Object type
              <NativeSelect
                name="objectType"
                defaultValue={query.objectType || "Table"}
                options={OBJECT_TYPES.map((type) => ({ value: type, label: type }))}
              />
            </label>
            <label className={`grid min-w-48 flex-1 gap-1 ${label}`}>
              Object name
              {/* Every type's names: the type picked above may still change before the form is sent. */}
              <SuggestInput
                name="objectName"
                project={query.project}
                source={{ kind: "object" }}
                defaultValue={query.objectName}
              />
            </label>
          </>
        )}
        {[PRIVILEGE_FILTER, STATUS_FILTER].map((filter) => (
          <label key={filter.name} className={`grid gap-1 ${label}`}>
            {filter.label}
            <NativeSelect
              name={filter.name}
              placeholder="Any"
              defaultValue={params.filters[filter.name] ?? ""}
              options={filter.options}
            />
          </label>
        ))}
        <label className={`grid min-w-40 gap-1 ${label}`}>
          Search
          <input
            type="search"
            name="q"
            defaultValue={params.q}
            placeholder="Object or grantee"
            maxLength={200}
            className={controlClasses("h-9")}
          />
        </label>
        <button type="submit" className={buttonClasses("secondary", "md")}>
          Show
        </button>
        <Link
          href={grantsHref({ ...query, principal: "", objectName: "", objectType: "" })}
          className={buttonClasses("ghost", "md")}
        >
          Clear
        </Link>
      </div>
    </Form>
  );
}
