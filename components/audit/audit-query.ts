/** The audit list's filters as the page's query string holds them (days as YYYY-MM-DD, UTC). */
export const AUDIT_FILTER_NAMES = ["actor", "action", "project", "object", "result", "from", "to", "q"] as const;
export type AuditFilterName = (typeof AUDIT_FILTER_NAMES)[number];
export type AuditQuery = Partial<Record<AuditFilterName, string>>;

const DAY = /^\d{4}-\d\d-\d\d$/;

/** The page's filters from its search params: strings only, bounded (the service validates them again). */
export function auditQueryOf(params: Record<string, string | string[] | undefined>): AuditQuery {
  const query: AuditQuery = {};
  for (const name of AUDIT_FILTER_NAMES) {
    const value = params[name];
    if (typeof value === "string" && value.trim() !== "") query[name] = value.slice(0, 400);
  }
  return query;
}

/**
 * The API's input for the page's filters: a `from` day starts at 00:00 UTC, a `to` day includes the whole day
 * (the API's `to` is exclusive); anything else is passed as it is, for the service to judge.
 */
export function auditApiInput(query: AuditQuery): Record<string, string> {
  const input: Record<string, string> = { ...query };
  if (query.from && DAY.test(query.from)) input.from = `${query.from}T00:00:00Z`;
  if (query.to && DAY.test(query.to)) {
    input.to = new Date(Date.parse(`${query.to}T00:00:00Z`) + 86_400_000).toISOString();
  }
  return input;
}

/** A query string of the given values (empty ones left out). */
export function queryString(values: Record<string, string | undefined>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) if (value) search.set(name, value);
  const text = search.toString();
  return text ? `?${text}` : "";
}
