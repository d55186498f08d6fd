/** MaxCompute's (2.0 type system) column types without parameters. */
const SIMPLE_TYPES = new Set([
  "TINYINT",
  "SMALLINT",
  "INT",
  "BIGINT",
  "FLOAT",
  "DOUBLE",
  "DECIMAL",
  "BOOLEAN",
  "STRING",
  "BINARY",
  "DATE",
  "DATETIME",
  "TIMESTAMP",
  "TIMESTAMP_NTZ",
  "JSON",
]);

const MAX_DEPTH = 20;

class Cursor {
  position = 0;
  constructor(readonly text: string) {}

  skipSpaces() {
    while (this.text[this.position] === " ") this.position++;
  }
  word(): string {
    this.skipSpaces();
    const match = /^[A-Za-z_][A-Za-z0-9_]*/.exec(this.text.slice(this.position));
    if (!match) return "";
    this.position += match[0].length;
    return match[0];
  }
  number(): number | null {
    this.skipSpaces();
    const match = /^[0-9]{1,5}/.exec(this.text.slice(this.position));
    if (!match) return null;
    this.position += match[0].length;
    return Number(match[0]);
  }
  take(char: string): boolean {
    this.skipSpaces();
    if (this.text[this.position] !== char) return false;
    this.position++;
    return true;
  }
}

/** Parses one type at the cursor and returns its canonical spelling, or null. */
function parseType(cursor: Cursor, depth: number): string | null {
  if (depth > MAX_DEPTH) return null;
  const name = cursor.word().toUpperCase();
  switch (name) {
    case "DECIMAL": {
      if (!cursor.take("(")) return "DECIMAL";
      const precision = cursor.number();
      const scale = cursor.take(",") ? cursor.number() : 0;
      if (precision === null || scale === null || !cursor.take(")")) return null;
      if (precision < 1 || precision > 38 || scale > precision || scale > 18) return null;
      return `DECIMAL(${precision},${scale})`;
    }
    case "VARCHAR":
    case "CHAR": {
      const length = cursor.take("(") ? cursor.number() : null;
      if (length === null || !cursor.take(")")) return null;
      const max = name === "CHAR" ? 255 : 65535;
      return length >= 1 && length <= max ? `${name}(${length})` : null;
    }
    case "ARRAY": {
      const element = cursor.take("<") ? parseType(cursor, depth + 1) : null;
      return element !== null && cursor.take(">") ? `ARRAY<${element}>` : null;
    }
    case "MAP": {
      const key = cursor.take("<") ? parseType(cursor, depth + 1) : null;
      const value = key !== null && cursor.take(",") ? parseType(cursor, depth + 1) : null;
      return value !== null && cursor.take(">") ? `MAP<${key},${value}>` : null;
    }
    case "STRUCT": {
      if (!cursor.take("<")) return null;
      const fields: string[] = [];
      do {
        const field = cursor.word();
        const type = field && cursor.take(":") ? parseType(cursor, depth + 1) : null;
        if (type === null) return null;
        fields.push(`${field.toLowerCase()}:${type}`);
      } while (cursor.take(","));
      return cursor.take(">") ? `STRUCT<${fields.join(",")}>` : null;
    }
    default:
      return SIMPLE_TYPES.has(name) ? name : null;
  }
}

/**
 * A column type in its canonical spelling (upper-case, no spaces: `DECIMAL(10,2)`, `MAP<STRING,BIGINT>`),
 * or null when it is not a MaxCompute type.
 */
export function normalizeDataType(text: string): string | null {
  if (text.length > 1000) return null;
  const cursor = new Cursor(text.trim());
  const type = parseType(cursor, 0);
  cursor.skipSpaces();
  return type !== null && cursor.position === cursor.text.length ? type : null;
}

export const DATA_TYPE_HINT =
  "a MaxCompute type such as BIGINT, STRING, DOUBLE, DECIMAL(10,2), DATETIME, VARCHAR(64), ARRAY<STRING>";
