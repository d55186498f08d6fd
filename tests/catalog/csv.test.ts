import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { parseCsv } from "@/lib/catalog/csv";

const CASES: {
  description: string;
  text: string;
  records?: { line: number; fields: string[] }[];
  error?: { line: number; message: RegExp };
}[] = [
  {
    description: "plain fields, CRLF line breaks",
    text: "a,b,c\r\n1,2,3\r\n",
    records: [
      { line: 1, fields: ["a", "b", "c"] },
      { line: 2, fields: ["1", "2", "3"] },
    ],
  },
  {
    description: "bare LF and a last line without a break",
    text: "a,b\n1,2",
    records: [
      { line: 1, fields: ["a", "b"] },
      { line: 2, fields: ["1", "2"] },
    ],
  },
  {
    description: "bare CR line breaks (old Mac exports)",
    text: "a\r1\r",
    records: [
      { line: 1, fields: ["a"] },
      { line: 2, fields: ["1"] },
    ],
  },
  {
    description: "empty fields, including a trailing one",
    text: "a,,c,\n",
    records: [{ line: 1, fields: ["a", "", "c", ""] }],
  },
  { description: "quoted field with a comma", text: '"x, y",z\n', records: [{ line: 1, fields: ["x, y", "z"] }] },
  {
    description: "doubled quotes inside a quoted field",
    text: '"say ""hi""",2\n',
    records: [{ line: 1, fields: ['say "hi"', "2"] }],
  },
  { description: "a quoted empty field", text: '"",b\n', records: [{ line: 1, fields: ["", "b"] }] },
  {
    description: "a line break inside quotes: the next record starts on line 3",
    text: 't,"first\r\nsecond"\nu,v\n',
    records: [
      { line: 1, fields: ["t", "first\r\nsecond"] },
      { line: 3, fields: ["u", "v"] },
    ],
  },
  {
    description: "a byte-order mark is dropped",
    text: "\uFEFFtable,column\n",
    records: [{ line: 1, fields: ["table", "column"] }],
  },
  {
    description: "blank lines are skipped but counted",
    text: "a\n\n\nb\n",
    records: [
      { line: 1, fields: ["a"] },
      { line: 4, fields: ["b"] },
    ],
  },
  {
    description: "spaces are kept (RFC 4180: they are part of the field)",
    text: " a , b \n",
    records: [{ line: 1, fields: [" a ", " b "] }],
  },
  { description: "empty text", text: "", records: [] },
  {
    description: "a quote inside an unquoted field",
    text: 'ok\nab"c,d\n',
    error: { line: 2, message: /quote inside an unquoted field/ },
  },
  {
    description: "text after a closing quote",
    text: 'a\n"b"c,d\n',
    error: { line: 2, message: /after a closing quote/ },
  },
  {
    description: "an unterminated quoted field names the line it opened on",
    text: 'a\nb,"open\nmore\n',
    error: { line: 2, message: /not closed/ },
  },
];

describe("parseCsv (RFC 4180)", () => {
  for (const testCase of CASES) {
    it(testCase.description, () => {
      const result = parseCsv(testCase.text);
      if (testCase.error) {
        expect(result.ok).toBe(false);
        if (result.ok) return;
        expect(result.line).toBe(testCase.error.line);
        expect(result.message).toMatch(testCase.error.message);
      } else {
        expect(result).toEqual({ ok: true, records: testCase.records });
      }
    });
  }

  const field = fc.string({ unit: fc.constantFrom("a", "b", ",", '"', "\n", "\r\n", " ", "é") });
  const quote = (value: string) => `"${value.replaceAll('"', '""')}"`;

  it("print → parse gives the same records (quoted fields, any content)", () => {
    fc.assert(
      fc.property(fc.array(fc.array(field, { minLength: 2, maxLength: 5 }), { maxLength: 6 }), (rows) => {
        const text = rows.map((row) => row.map(quote).join(",")).join("\r\n");
        const result = parseCsv(text);
        expect(result.ok).toBe(true);
        if (result.ok) expect(result.records.map((record) => record.fields)).toEqual(rows);
      }),
    );
  });

  it("never throws or hangs on arbitrary text", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("a", ",", '"', "\n", "\r", "\uFEFF") }), (text) => {
        const result = parseCsv(text);
        expect(typeof result.ok).toBe("boolean");
      }),
    );
  });
});
