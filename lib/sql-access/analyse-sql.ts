import type { NamedTable, ParsedStatement, SqlNode } from "./parse-sql";
import type { CatalogTable, SqlCatalog } from "./sql-catalog";
import { UnreadableSql, unlessTooDeep } from "./unreadable-sql";

/** A table (or view) a statement reads, with every column it reads. */
export interface TableRead {
  table: CatalogTable;
  columns: Set<string>;
  /** Whether `*` or `t.*` read it: its columns then come from the catalog, not from the SQL's text. */
  star: boolean;
}

/** What one statement reads and where its data goes. */
export interface StatementAccess {
  kind: ParsedStatement["kind"];
  reads: TableRead[];
  /** INSERT's target table (must exist), or CREATE TABLE AS SELECT's new table (named, may not exist yet). */
  write:
    | { kind: "insert"; table: CatalogTable }
    | { kind: "create"; target: NamedTable; ifNotExists: boolean; existing: CatalogTable | null }
    | null;
}

/** Names the SQL gives that the catalog does not have: the caller answers 404 naming them. */
export class UnknownTables extends Error {
  constructor(readonly names: string[]) {
    super(`No table or view named ${names.join(", ")}.`);
    this.name = "UnknownTables";
  }
}

/** What a FROM item offers to column references: a catalog table, a subquery or CTE, or an unknown table. */
type Source =
  | { kind: "table"; alias: string; table: CatalogTable; read: TableRead }
  | { kind: "derived"; alias: string; columns: readonly string[] }
  | { kind: "unknown"; alias: string };

interface Scope {
  sources: Source[];
  /** CTE names visible here, with their output columns. A CTE is not a table. */
  ctes: Map<string, readonly string[]>;
  /** The select list's aliases (ORDER BY, HAVING and GROUP BY may name them). */
  aliases: Set<string>;
  parent: Scope | null;
}

const lower = (text: string) => text.toLowerCase();

/**
 * Follows a parsed statement: which tables and columns it reads (`*` expanded from the catalog; columns in
 * WHERE, JOIN, GROUP BY, ORDER BY and window clauses count as read; aliases, subqueries and CTEs resolved to
 * the tables under them) and what it writes. An unqualified column that more than one table of its query has
 * is read from each of them (conservative); one no table has is unreadable SQL. Tables the catalog lacks are
 * collected and thrown together as UnknownTables.
 * INVARIANT: every reference is either resolved to catalog tables or refused; nothing is dropped silently.
 */
export function analyseStatement(statement: ParsedStatement, catalog: SqlCatalog): StatementAccess {
  return unlessTooDeep(() => analyse(statement, catalog));
}

function analyse(statement: ParsedStatement, catalog: SqlCatalog): StatementAccess {
  const analysis = new Analysis(catalog);
  let write: StatementAccess["write"] = null;
  if (statement.kind === "create-table-as-select") {
    write = {
      kind: "create",
      target: statement.target,
      ifNotExists: statement.ifNotExists,
      existing: catalog.find(statement.target.project, statement.target.table),
    };
    analysis.select(statement.ast, null);
  } else if (statement.kind === "insert") {
    const target = insertTarget(statement.ast);
    const table = analysis.catalogTable(target);
    if (table?.type === "View") throw new UnreadableSql(`${table.name} is a view: INSERT needs a table.`);
    if (table) write = { kind: "insert", table };
    const values = statement.ast.values as SqlNode | null;
    if (values?.type === "select") analysis.select(values, null);
    else analysis.expression(values, emptyScope(null));
  } else {
    analysis.select(statement.ast, null);
  }
  if (analysis.unknown.size > 0) throw new UnknownTables([...analysis.unknown]);
  return { kind: statement.kind, reads: [...analysis.reads.values()], write };
}

function insertTarget(ast: SqlNode): NamedTable {
  const tables = ast.table;
  const [first] = Array.isArray(tables) ? (tables as SqlNode[]) : [];
  if (!first || typeof first.table !== "string" || (Array.isArray(tables) && tables.length !== 1))
    throw new UnreadableSql("Could not read the INSERT's target table.");
  return { project: typeof first.db === "string" ? first.db : null, table: first.table };
}

const emptyScope = (parent: Scope | null): Scope => ({ sources: [], ctes: new Map(), aliases: new Set(), parent });

class Analysis {
  readonly reads = new Map<string, TableRead>();
  readonly unknown = new Set<string>();

  constructor(private readonly catalog: SqlCatalog) {}

  catalogTable(named: NamedTable): CatalogTable | null {
    const table = this.catalog.find(named.project, named.table);
    if (!table) this.unknown.add(named.project ? `${named.project}.${named.table}` : named.table);
    return table;
  }

  private readOf(table: CatalogTable): TableRead {
    const key = `${lower(table.project)}\u0000${table.name}`;
    let read = this.reads.get(key);
    if (!read) this.reads.set(key, (read = { table, columns: new Set(), star: false }));
    return read;
  }

  /** A SELECT (with its WITH, and the selects it is combined with by UNION etc.); returns its output columns. */
  select(node: SqlNode, parent: Scope | null): readonly string[] {
    if (node.type !== "select")
      throw new UnreadableSql(`Could not read a ${String(node.type)} where a SELECT belongs.`);
    const scope = emptyScope(parent);
    this.withClause(node.with, scope);
    for (const item of list(node.from)) this.fromItem(item, scope);
    for (const item of list(node.from)) {
      this.expression(item.on, scope);
      for (const name of list<unknown>(item.using))
        this.column(null, typeof name === "string" ? name : nameOf(name), scope);
    }
    const outputs: string[] = [];
    for (const column of list(node.columns)) {
      const alias = typeof column.as === "string" ? lower(column.as) : null;
      if (alias) scope.aliases.add(alias);
      const expr = column.expr as SqlNode | undefined;
      if (expr?.type === "column_ref" && nameOf(expr.column) === "*") {
        outputs.push(...this.star(typeof expr.table === "string" ? expr.table : null, scope));
        continue;
      }
      this.expression(expr, scope);
      if (alias) outputs.push(alias);
      else if (expr?.type === "column_ref") outputs.push(lower(nameOf(expr.column)));
    }
    for (const clause of ["where", "groupby", "having", "orderby", "window", "qualify", "limit"])
      this.expression(node[clause], scope);
    const next = node._next as SqlNode | undefined;
    if (next) this.select(next, parent);
    return outputs;
  }

  private withClause(withs: unknown, scope: Scope): void {
    for (const cte of list(withs)) {
      const name = lower(nameOf(cte.name));
      const stmt = cte.stmt as SqlNode | undefined;
      const body = (stmt?.ast ?? stmt) as SqlNode | undefined;
      if (!name || !body) throw new UnreadableSql("Could not read a WITH clause.");
      // Each CTE sees the ones before it (and the enclosing query's).
      const outputs = this.select(body, scope);
      const declared = list<unknown>(cte.columns).map((column) => lower(nameOf(column)));
      scope.ctes.set(name, declared.length > 0 ? declared : outputs);
    }
  }

  private fromItem(item: SqlNode, scope: Scope): void {
    const alias = typeof item.as === "string" ? lower(item.as) : null;
    const derived = item.expr as SqlNode | undefined;
    if (derived && typeof derived === "object" && derived.ast) {
      if (!alias) throw new UnreadableSql("A subquery in FROM needs an alias.");
      // A subquery in FROM sees the enclosing query's names, not its siblings'.
      scope.sources.push({ kind: "derived", alias, columns: this.select(derived.ast as SqlNode, scope.parent) });
      return;
    }
    if (typeof item.table !== "string" || derived !== undefined)
      throw new UnreadableSql("Could not read a FROM item (only tables, views, subqueries and CTEs can be checked).");
    const project = typeof item.db === "string" ? item.db : null;
    const name = lower(item.table);
    const cte = project === null ? visibleCte(scope, name) : undefined;
    if (cte) {
      scope.sources.push({ kind: "derived", alias: alias ?? name, columns: cte });
      return;
    }
    const table = this.catalogTable({ project, table: item.table });
    scope.sources.push(
      table
        ? { kind: "table", alias: alias ?? table.name, table, read: this.readOf(table) }
        : { kind: "unknown", alias: alias ?? name },
    );
  }

  /** `*` or `t.*`: every column of the tables it covers is read; returns the columns it yields. */
  private star(qualifier: string | null, scope: Scope): readonly string[] {
    const sources = qualifier === null ? scope.sources : [findSource(scope, lower(qualifier))?.source];
    if (sources.length === 0) throw new UnreadableSql("SELECT * needs a FROM clause.");
    return sources.flatMap((source) => {
      if (!source) throw new UnreadableSql(`${qualifier}.* names no table of the query.`);
      if (source.kind === "table") {
        for (const column of source.table.columns) source.read.columns.add(column);
        source.read.star = true;
        return source.table.columns;
      }
      return source.kind === "derived" ? source.columns : [];
    });
  }

  /** Every column reference in an expression (and the subqueries in it), resolved in `scope`. */
  expression(node: unknown, scope: Scope): void {
    if (Array.isArray(node)) {
      for (const item of node) this.expression(item, scope);
      return;
    }
    if (typeof node !== "object" || node === null) return;
    const record = node as SqlNode;
    if (record.type === "column_ref") {
      const name = nameOf(record.column);
      const qualifier = typeof record.table === "string" ? record.table : null;
      if (name === "*") this.star(qualifier, scope);
      else this.column(qualifier, name, scope);
      return;
    }
    if (record.type === "select") {
      this.select(record, scope);
      return;
    }
    if (record.ast && typeof record.ast === "object") {
      this.select(record.ast as SqlNode, scope);
      return;
    }
    for (const value of Object.values(record)) this.expression(value, scope);
  }

  column(qualifier: string | null, name: string, scope: Scope): void {
    const column = lower(name);
    if (!column) throw new UnreadableSql("Could not read a column reference.");
    if (qualifier !== null) {
      const found = findSource(scope, lower(qualifier));
      if (!found) throw new UnreadableSql(`${qualifier}.${name}: ${qualifier} names no table of the query.`);
      const { source } = found;
      if (source.kind === "table") {
        if (!source.table.columns.includes(column))
          throw new UnreadableSql(`${source.table.name} has no column ${column}.`);
        source.read.columns.add(column);
      } else if (source.kind === "derived" && !source.columns.includes(column)) {
        throw new UnreadableSql(`${source.alias} has no column ${column}.`);
      }
      return;
    }
    for (let current: Scope | null = scope; current; current = current.parent) {
      const candidates = current.sources.filter((source) => offers(source, column));
      if (candidates.length > 0) {
        // Ambiguous between tables: read from every one that has it, never from none.
        for (const source of candidates) if (source.kind === "table") source.read.columns.add(column);
        return;
      }
      if (current.aliases.has(column)) return;
    }
    throw new UnreadableSql(`Column ${column} is in none of the tables of the query.`);
  }
}

function offers(source: Source, column: string): boolean {
  if (source.kind === "table") return source.table.columns.includes(column);
  if (source.kind === "derived") return source.columns.includes(column);
  return true;
}

function findSource(scope: Scope, alias: string): { source: Source } | null {
  for (let current: Scope | null = scope; current; current = current.parent) {
    const matches = current.sources.filter((source) => source.alias === alias);
    if (matches.length > 1) throw new UnreadableSql(`${alias} names more than one table of the query.`);
    if (matches[0]) return { source: matches[0] };
  }
  return null;
}

function visibleCte(scope: Scope, name: string): readonly string[] | undefined {
  for (let current: Scope | null = scope; current; current = current.parent) {
    const cte = current.ctes.get(name);
    if (cte) return cte;
  }
  return undefined;
}

function list<Item = SqlNode>(value: unknown): Item[] {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) return value as Item[];
  // GROUP BY comes as { columns: [...] }.
  if (typeof value === "object" && Array.isArray((value as SqlNode).columns))
    return (value as SqlNode).columns as Item[];
  return [value as Item];
}

/** An identifier as node-sql-parser gives it: a string, or `{ expr: { value } }` / `{ value }`. */
function nameOf(value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value === "object" && value !== null) {
    const record = value as SqlNode;
    if (typeof record.value === "string") return record.value;
    if (record.expr) return nameOf(record.expr);
  }
  return "";
}

/** The projects the statements name (`project.table`, and the targets of writes), as written. */
export function referencedProjects(statements: readonly ParsedStatement[]): string[] {
  const projects = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== "object" || node === null) return;
    const record = node as SqlNode;
    if (record.type !== "column_ref" && typeof record.table === "string" && typeof record.db === "string")
      projects.add(record.db);
    Object.values(record).forEach(visit);
  };
  for (const statement of statements) {
    if (statement.kind === "create-table-as-select" && statement.target.project) projects.add(statement.target.project);
    unlessTooDeep(() => visit(statement.ast));
  }
  return [...projects];
}
