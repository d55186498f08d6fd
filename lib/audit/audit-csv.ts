/**
 * A cell that a spreadsheet would read as a formula (=, +, -, @, or a tab or carriage return that some strip
 * before looking) is prefixed with an apostrophe, so an exported log opened in Excel or LibreOffice never runs
 * what an attacker put in a name or a reason (OWASP "CSV injection").
 */
export function neutralizeFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** One CSV cell (RFC 4180): formula-neutralized, always quoted, inner quotes doubled. */
export function csvCell(value: string | number | bigint | null | undefined): string {
  const text = value === null || value === undefined ? "" : neutralizeFormula(String(value));
  return `"${text.replaceAll('"', '""')}"`;
}

/** One CSV record, CRLF-terminated. */
export function csvRecord(values: readonly (string | number | bigint | null | undefined)[]): string {
  return `${values.map(csvCell).join(",")}\r\n`;
}
