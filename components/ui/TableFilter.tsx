import Form from "next/form";
import Link from "next/link";
import { buttonClasses } from "./Button";
import { controlClasses } from "./field-styles";
import { Icon } from "./icons";
import { NativeSelect } from "./Select";
import { tableHref, type TableFilterDef, type TableParams } from "./table-params";

type TableFilterProps = {
  params: TableParams;
  /** The same definitions passed to parseTableParams, so the URL and the controls agree. */
  filters?: readonly TableFilterDef[];
  /** Accessible name of the search box, e.g. "Search members". */
  searchLabel: string;
  searchPlaceholder?: string;
};

/**
 * Search box plus select filters, submitted as a GET form to the current URL. Works without JS;
 * with JS, next/form turns the submit into a client-side navigation.
 */
export function TableFilter({ params, filters = [], searchLabel, searchPlaceholder }: TableFilterProps) {
  const active = params.q !== "" || Object.keys(params.filters).length > 0;
  return (
    // Remount when search or filters change elsewhere (e.g. "Clear"), so the inputs show the URL's values.
    <Form
      key={JSON.stringify([params.q, params.filters])}
      action=""
      role="search"
      aria-label={searchLabel}
      className="flex flex-wrap items-center gap-2"
    >
      {Object.entries(params.scope).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <input type="hidden" name="sort" value={params.sort} />
      <input type="hidden" name="dir" value={params.dir} />
      <input type="hidden" name="pageSize" value={params.pageSize} />
      <div className="relative min-w-48 flex-1 sm:max-w-sm">
        <Icon
          name="search"
          className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-slate-400"
        />
        <input
          type="search"
          name="q"
          aria-label={searchLabel}
          placeholder={searchPlaceholder ?? "Search…"}
          defaultValue={params.q}
          maxLength={200}
          className={controlClasses("h-9 pl-8")}
        />
      </div>
      {filters.map((filter) => (
        <label key={filter.name} className="flex items-center gap-2 text-xs font-medium text-slate-600">
          {filter.label}
          <NativeSelect
            name={filter.name}
            options={filter.options}
            placeholder="All"
            defaultValue={params.filters[filter.name] ?? ""}
            className="min-w-32"
          />
        </label>
      ))}
      <button type="submit" className={buttonClasses("secondary", "md")}>
        Apply
      </button>
      {active ? (
        <Link href={tableHref(params, { q: "", filters: {}, page: 1 })} className={buttonClasses("ghost", "md")}>
          Clear
        </Link>
      ) : null}
    </Form>
  );
}
