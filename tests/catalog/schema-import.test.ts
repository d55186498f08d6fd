import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { jsonErrorOffset } from "@/lib/catalog/json-error-offset";
import { normalizeDataType } from "@/lib/catalog/data-type";
import { formatProblem, parseSchemaExport } from "@/lib/catalog/schema-import";

describe("normalizeDataType", () => {
  const CASES: [string, string | null][] = [
    ["bigint", "BIGINT"],
    [" string ", "STRING"],
    ["decimal", "DECIMAL"],
    ["decimal(10, 2)", "DECIMAL(10,2)"],
    ["DECIMAL(38)", "DECIMAL(38,0)"],
    ["decimal(39,2)", null],
    ["decimal(5,6)", null],
    ["varchar(64)", "VARCHAR(64)"],
    ["varchar", null],
    ["char(300)", null],
    ["array<string>", "ARRAY<STRING>"],
    ["map<string, array<bigint>>", "MAP<STRING,ARRAY<BIGINT>>"],
    ["struct<a:int, B:string>", "STRUCT<a:INT,b:STRING>"],
    ["struct<>", null],
    ["array<string", null],
    ["text", null],
    ["", null],
    ["bigint bigint", null],
    [`${"array<".repeat(30)}int${">".repeat(30)}`, null],
  ];
  for (const [text, expected] of CASES) {
    it(`${JSON.stringify(text)} → ${expected ?? "rejected"}`, () => expect(normalizeDataType(text)).toBe(expected));
  }
});

const problemsOf = (text: string, format: "auto" | "json" | "csv" = "auto") => {
  const result = parseSchemaExport(text, format);
  return result.ok ? [] : result.problems.map(formatProblem);
};

describe("parseSchemaExport: JSON", () => {
  it("reads tables with columns, normalizing names and types", () => {
    const result = parseSchemaExport(
      JSON.stringify([
        {
          table: "Orders",
          description: "All orders",
          columns: [
            { name: "ID", type: "bigint", comment: "key" },
            { name: "amount", type: "decimal(10,2)" },
          ],
        },
        { table: "t2", columns: [{ name: "c", type: "STRING", comment: "" }] },
      ]),
      "auto",
    );
    expect(result).toEqual({
      ok: true,
      tables: [
        {
          name: "orders",
          description: "All orders",
          where: "Row 1",
          columns: [
            { name: "id", type: "BIGINT", comment: "key" },
            { name: "amount", type: "DECIMAL(10,2)", comment: "" },
          ],
        },
        { name: "t2", description: "", where: "Row 2", columns: [{ name: "c", type: "STRING", comment: "" }] },
      ],
    });
  });

  const CASES: { description: string; text: string; problems: RegExp[] }[] = [
    {
      description: "a syntax error names its line",
      text: '[\n{"table": "t",\n "columns": [}\n]',
      problems: [/^Line 3, JSON: /],
    },
    { description: "not a list", text: '{"table":"t"}', problems: [/^The export, JSON: Expected a list of tables/] },
    { description: "an empty list", text: "[]", problems: [/^The export, tables: No tables found/] },
    {
      description: "every bad field of every row is reported",
      text: JSON.stringify([
        { table: "1bad", columns: [{ name: "ok", type: "STRING" }] },
        { table: "t2", columns: [{ name: "a", type: "STRNG" }, { name: "b b", type: "INT" }, { type: "INT" }] },
        { table: "t3", columns: [] },
        "nonsense",
      ]),
      problems: [
        /^Row 1, table: Use up to 128 letters/,
        /^Row 2 column 1, type: STRNG is not a MaxCompute type/,
        /^Row 2 column 2, name: Use up to 128 letters/,
        /^Row 2 column 3, name: Missing\./,
        /^Row 3, columns: A table needs a list of at least one column/,
        /^Row 4, row: Expected an object/,
      ],
    },
    {
      description: "duplicate tables and columns",
      text: JSON.stringify([
        {
          table: "t",
          columns: [
            { name: "a", type: "INT" },
            { name: "A", type: "INT" },
          ],
        },
        { table: "T", columns: [{ name: "a", type: "INT" }] },
      ]),
      problems: [
        /^Row 1 column 2, name: Column a appears twice in table t/,
        /^Row 2, table: Table t appears twice \(also Row 1\)/,
      ],
    },
  ];
  for (const testCase of CASES) {
    it(testCase.description, () => {
      const problems = problemsOf(testCase.text);
      expect(problems).toHaveLength(testCase.problems.length);
      testCase.problems.forEach((pattern, index) => expect(problems[index]).toMatch(pattern));
    });
  }
});

describe("parseSchemaExport: CSV", () => {
  it("groups one line per column into tables, quoted comments included", () => {
    const text =
      'table,column,type,comment\r\norders,id,BIGINT,"order id, unique"\r\norders,amount,"DECIMAL(10,2)",\r\nusers,id,bigint,\r\n';
    const result = parseSchemaExport(text, "csv");
    expect(result).toEqual({
      ok: true,
      tables: [
        {
          name: "orders",
          description: "",
          where: "Line 2",
          columns: [
            { name: "id", type: "BIGINT", comment: "order id, unique" },
            { name: "amount", type: "DECIMAL(10,2)", comment: "" },
          ],
        },
        { name: "users", description: "", where: "Line 4", columns: [{ name: "id", type: "BIGINT", comment: "" }] },
      ],
    });
  });

  it("accepts a header without the comment column", () => {
    const result = parseSchemaExport("table,column,type\nt,c,STRING\n", "auto");
    expect(result.ok && result.tables[0]!.columns).toEqual([{ name: "c", type: "STRING", comment: "" }]);
  });

  const CASES: { description: string; text: string; problems: RegExp[] }[] = [
    {
      description: "a missing header",
      text: "t,c,STRING,\n",
      problems: [/^Line 1, header: The first line must be the header table,column,type,comment/],
    },
    {
      description: "a CSV syntax error names its line",
      text: 'table,column,type,comment\nt,c,STRING,"unclosed\n',
      problems: [/^Line 2, CSV: A quoted field is not closed/],
    },
    {
      description: "every bad row is reported with its line and field",
      text: 'table,column,type,comment\nt,a,STRING,\n\nt,b,NUMBER,\n9t,c,INT,\nt,a,INT,\nt,d,INT\nt,"e\nf",INT,\nt,g,,\n',
      problems: [
        /^Line 4, type: NUMBER is not a MaxCompute type/,
        /^Line 5, table: Use up to 128 letters/,
        /^Line 6, column: Column a appears twice in table t/,
        /^Line 7, row: Expected 4 fields/,
        /^Line 8, column: Use up to 128 letters/,
        /^Line 10, type: Missing\./,
      ],
    },
  ];
  for (const testCase of CASES) {
    it(testCase.description, () => {
      const problems = problemsOf(testCase.text, "csv");
      expect(problems).toHaveLength(testCase.problems.length);
      testCase.problems.forEach((pattern, index) => expect(problems[index]).toMatch(pattern));
    });
  }

  it("stops listing problems after a hundred", () => {
    const text = `table,column,type,comment\n${"t,c,BAD,\n".repeat(500)}`;
    const problems = problemsOf(text, "csv");
    expect(problems).toHaveLength(101);
    expect(problems.at(-1)).toMatch(/More problems follow/);
  });
});

describe("jsonErrorOffset agrees with JSON.parse", () => {
  it("finds no error exactly when JSON.parse accepts the text", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.json(),
          fc.string({
            unit: fc.constantFrom("[", "]", "{", "}", '"', ":", ",", "1", "-", "e", "t", "x", " ", "\\", "u"),
          }),
        ),
        (text) => {
          let valid = true;
          try {
            JSON.parse(text);
          } catch {
            valid = false;
          }
          const offset = jsonErrorOffset(text);
          expect(offset === null).toBe(valid);
          if (offset !== null) expect(offset).toBeLessThanOrEqual(text.length);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("a byte-order mark before JSON is ignored", () => {
    expect(
      parseSchemaExport(`\uFEFF${JSON.stringify([{ table: "t", columns: [{ name: "c", type: "INT" }] }])}`, "auto").ok,
    ).toBe(true);
  });

  it("a string that is never closed ends too early", () => {
    expect(problemsOf('[{"table": "t}]', "json")).toEqual([
      expect.stringMatching(/^Line 1, JSON: The JSON ends too early/),
    ]);
  });
});
