import fc from "fast-check";

/** Tables as the generated queries name them: `columns` null for a name no catalog has. */
export interface GeneratedTable {
  name: string;
  columns: readonly string[] | null;
}

export interface GeneratedQuery {
  sql: string;
  /** The tables named in FROM and JOIN, in order. */
  tables: GeneratedTable[];
}

/**
 * SELECTs over `tables` as people write them: aliases, joins on a column, WHERE, GROUP BY and ORDER BY, `*`,
 * `t.*`, an aggregate, a CTE or a subquery around them, and sometimes an INSERT in front.
 */
export function queryOver(
  tables: readonly GeneratedTable[],
  insertTargets: readonly string[],
): fc.Arbitrary<GeneratedQuery> {
  const table = fc.constantFrom(...tables);
  return fc
    .record({
      picked: fc.array(table, { minLength: 1, maxLength: 3 }),
      star: fc.constantFrom("none", "star", "qualified"),
      where: fc.boolean(),
      group: fc.boolean(),
      wrap: fc.constantFrom("none", "cte", "subquery"),
      insert: fc.option(fc.constantFrom(...insertTargets), { nil: null }),
      seed: fc.nat(),
    })
    .map(({ picked, star, where, group, wrap, insert, seed }) => {
      const aliases = picked.map((_, position) => `t${position}`);
      const columnOf = (position: number, offset = 0) => {
        const columns = picked[position]!.columns ?? ["x"];
        return `${aliases[position]}.${columns[(seed + offset) % columns.length]}`;
      };
      const from = picked
        .map((item, position) =>
          position === 0
            ? `${item.name} ${aliases[0]}`
            : `JOIN ${item.name} ${aliases[position]} ON ${columnOf(0)} = ${columnOf(position)}`,
        )
        .join(" ");
      const list =
        star === "star"
          ? "*"
          : star === "qualified"
            ? `${aliases[0]}.*, ${columnOf(0, 1)}`
            : picked.map((_, p) => columnOf(p, 2)).join(", ");
      const grouped = group && star === "none";
      let select = `SELECT ${grouped ? `${columnOf(0, 2)}, count(*) AS n` : list} FROM ${from}`;
      if (where) select += ` WHERE ${columnOf(picked.length - 1, 3)} IS NOT NULL`;
      if (grouped) select += ` GROUP BY ${columnOf(0, 2)} ORDER BY n DESC`;
      if (wrap === "cte") select = `WITH q AS (${select}) SELECT * FROM q`;
      if (wrap === "subquery") select = `SELECT s.* FROM (${select}) s`;
      return { sql: insert ? `INSERT INTO ${insert} ${select}` : select, tables: picked };
    });
}

/** A query garbled: characters deleted, repeated or replaced at random places. */
export function garbled(query: fc.Arbitrary<GeneratedQuery>): fc.Arbitrary<string> {
  const edit = fc.record({
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    kind: fc.constantFrom("delete", "insert", "replace"),
    text: fc.constantFrom(
      "(",
      ")",
      "'",
      "`",
      ",",
      ".",
      "*",
      " ",
      "SELECT",
      "FROM",
      "--",
      "/*",
      ";",
      "\\",
      "\u0000",
      "é",
    ),
  });
  return fc.tuple(query, fc.array(edit, { minLength: 1, maxLength: 4 })).map(([{ sql }, edits]) =>
    edits.reduce((text, { at, kind, text: piece }) => {
      const position = Math.floor(at * text.length);
      if (kind === "delete") return text.slice(0, position) + text.slice(position + 1);
      if (kind === "insert") return text.slice(0, position) + piece + text.slice(position);
      return text.slice(0, position) + piece + text.slice(position + piece.length);
    }, sql),
  );
}
