/** A table or view of the catalog, as the access check resolves the SQL's names to it. */
export interface CatalogTable {
  /** The owning project's name, as the catalog spells it. */
  project: string;
  /** The table's name, as the catalog spells it (lower case). */
  name: string;
  type: "Table" | "View";
  /** Lower case, in the catalog's order. */
  columns: readonly string[];
}

/**
 * What the check may know of the catalog: a table or view by project and name (case-insensitive), or null
 * when there is none. `project` null means the project the query runs in. Synchronous: the caller loads the
 * projects the SQL names before the check follows it (referencedProjects).
 */
export interface SqlCatalog {
  find(project: string | null, name: string): CatalogTable | null;
}
