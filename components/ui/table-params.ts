import { z } from "zod";
import type { SelectOption } from "./Select";

export type SortDir = "asc" | "desc";

/** A select filter in the table's filter bar; parseTableParams accepts only its option values. */
export type TableFilterDef = { name: string; label: string; options: readonly SelectOption[] };

export type TableParamsOptions = {
  /** Column ids the user may sort by; anything else in the URL falls back to defaultSort. */
  sortable: readonly string[];
  defaultSort: { column: string; dir: SortDir };
  pageSizes?: readonly number[];
  /** Defaults to the first of pageSizes. */
  defaultPageSize?: number;
  filters?: readonly TableFilterDef[];
};

export type TableParams = {
  page: number;
  pageSize: number;
  sort: string;
  dir: SortDir;
  /** Trimmed free-text search, "" when absent. */
  q: string;
  /** Only filters whose value is one of their options; "" (all) is left out. */
  filters: Record<string, string>;
  /** Rows to skip for this page: (page - 1) * pageSize. */
  offset: number;
  /** The page's scope (see SCOPE_PARAMS), kept in every link the table makes. */
  scope: Record<string, string>;
  pageSizes: readonly number[];
};

export type SearchParamsRecord = Record<string, string | string[] | undefined>;

/**
 * Query parameters that say what a page is about (the project, the tab, the role or user inspected) rather
 * than how its table is shown: every table link and filter form carries them along unchanged.
 */
const SCOPE_PARAMS = ["project", "view", "role", "user", "principal", "objectType", "objectName"] as const;
const MAX_SCOPE_LENGTH = 200;

export const DEFAULT_PAGE_SIZES: readonly number[] = [25, 50, 100];
const MAX_PAGE = 100_000;
const MAX_QUERY_LENGTH = 200;

const firstValue = (value: unknown) => (Array.isArray(value) ? value[0] : value);

/** Reads table state from the URL. Never throws: every bad or hostile value falls back to a safe default. */
export function parseTableParams(searchParams: SearchParamsRecord, options: TableParamsOptions): TableParams {
  const pageSizes = options.pageSizes ?? DEFAULT_PAGE_SIZES;
  const defaultPageSize = options.defaultPageSize ?? pageSizes[0] ?? 25;
  const one = <T extends z.ZodType>(schema: T) => z.preprocess(firstValue, schema);

  const schema = z.object({
    page: one(z.coerce.number().int().min(1).max(MAX_PAGE).catch(1)),
    pageSize: one(
      z.coerce
        .number()
        .refine((size) => pageSizes.includes(size))
        .catch(defaultPageSize),
    ),
    sort: one(z.enum(options.sortable).optional().catch(undefined)),
    dir: one(z.enum(["asc", "desc"]).optional().catch(undefined)),
    q: one(
      z
        .string()
        // Control characters have no business in a search box and break log lines downstream.
        .transform((q) =>
          q
            // eslint-disable-next-line no-control-regex -- matching control characters is the point
            .replace(/[\u0000-\u001f\u007f]/g, " ")
            .trim()
            .slice(0, MAX_QUERY_LENGTH),
        )
        .catch(""),
    ),
  });
  const raw = schema.parse(searchParams);

  const filters: Record<string, string> = {};
  for (const def of options.filters ?? []) {
    const value = firstValue(searchParams[def.name]);
    if (typeof value === "string" && value !== "" && def.options.some((option) => option.value === value)) {
      filters[def.name] = value;
    }
  }

  const scope: Record<string, string> = {};
  for (const name of SCOPE_PARAMS) {
    const value = firstValue(searchParams[name]);
    if (typeof value === "string" && value !== "" && value.length <= MAX_SCOPE_LENGTH) scope[name] = value;
  }

  const sort = raw.sort ?? options.defaultSort.column;
  const dir = raw.sort ? (raw.dir ?? "asc") : options.defaultSort.dir;
  return {
    page: raw.page,
    pageSize: raw.pageSize,
    sort,
    dir,
    q: raw.q,
    filters,
    offset: (raw.page - 1) * raw.pageSize,
    pageSizes,
    scope,
  };
}

export type TableParamsOverrides = Partial<Pick<TableParams, "page" | "pageSize" | "sort" | "dir" | "q" | "filters">>;

/**
 * A query-string href ("?sort=name&dir=asc&…") for the table state with overrides applied.
 * Sort, direction and page size are always written so links are unambiguous; page 1 and empty search are omitted.
 */
export function tableHref(params: TableParams, overrides: TableParamsOverrides = {}): string {
  const next = { ...params, ...overrides };
  const query = new URLSearchParams(next.scope);
  if (next.q) query.set("q", next.q);
  for (const [name, value] of Object.entries(next.filters).sort(([a], [b]) => a.localeCompare(b))) {
    if (value) query.set(name, value);
  }
  query.set("sort", next.sort);
  query.set("dir", next.dir);
  query.set("pageSize", String(next.pageSize));
  if (next.page > 1) query.set("page", String(next.page));
  return `?${query.toString()}`;
}

/** The last page for a row count (at least 1, so an empty table still has a page). */
export function lastPage(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}
