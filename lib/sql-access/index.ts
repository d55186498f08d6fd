export {
  analyseStatement,
  referencedProjects,
  UnknownTables,
  type StatementAccess,
  type TableRead,
} from "./analyse-sql";
export { MAX_SQL_BYTES, MAX_SQL_NESTING, parseSql, type NamedTable, type ParsedStatement } from "./parse-sql";
export type { CatalogTable, SqlCatalog } from "./sql-catalog";
export { UnreadableSql, type SqlPosition } from "./unreadable-sql";
