/** One CSV record with the (1-based) line of the text it starts on, for error messages. */
export interface CsvRecord {
  line: number;
  fields: string[];
}

export type CsvResult = { ok: true; records: CsvRecord[] } | { ok: false; line: number; message: string };

/**
 * Parses CSV as RFC 4180 describes it: records end with CRLF (a bare LF or CR is accepted too), fields are
 * separated by commas, a field may be enclosed in double quotes and then contain commas, line breaks and
 * doubled quotes (""). A quote inside an unquoted field, text after a closing quote and an unterminated
 * quoted field are errors naming their line. A leading byte-order mark and blank lines are ignored.
 */
export function parseCsv(text: string): CsvResult {
  const source = text.startsWith("\uFEFF") ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = "";
  let line = 1;
  let recordLine = 1;
  let quotedFieldLine = 0;
  let state: "fieldStart" | "unquoted" | "quoted" | "afterQuote" = "fieldStart";

  const endRecord = () => {
    fields.push(field);
    // A blank line is one empty field: nothing to import, so it is skipped rather than reported.
    if (fields.length > 1 || fields[0] !== "") records.push({ line: recordLine, fields });
    fields = [];
    field = "";
    state = "fieldStart";
  };

  for (let i = 0; i < source.length; i++) {
    const char = source[i]!;
    const isBreak = char === "\n" || char === "\r";
    const breakLength = char === "\r" && source[i + 1] === "\n" ? 2 : 1;
    if (state === "quoted") {
      if (char === '"') {
        if (source[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          state = "afterQuote";
        }
      } else {
        field += isBreak && breakLength === 2 ? "\r\n" : char;
        if (isBreak) {
          line++;
          i += breakLength - 1;
        }
      }
      continue;
    }
    if (char === ",") {
      fields.push(field);
      field = "";
      state = "fieldStart";
    } else if (isBreak) {
      endRecord();
      i += breakLength - 1;
      line++;
      recordLine = line;
    } else if (state === "afterQuote") {
      return {
        ok: false,
        line,
        message: `Unexpected ${JSON.stringify(char)} after a closing quote; a quoted field must end at a comma or the end of the line`,
      };
    } else if (char === '"') {
      if (state === "unquoted")
        return {
          ok: false,
          line,
          message: 'A quote inside an unquoted field; enclose the field in quotes and double the quote ("")',
        };
      state = "quoted";
      quotedFieldLine = line;
    } else {
      field += char;
      state = "unquoted";
    }
  }
  if (state === "quoted") return { ok: false, line: quotedFieldLine, message: "A quoted field is not closed" };
  if (state !== "fieldStart" || fields.length > 0) endRecord();
  return { ok: true, records };
}
