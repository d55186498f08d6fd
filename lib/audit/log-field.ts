/**
 * Encodes control characters (CR, LF, ESC, ...) in a free-text audit field, so a value such as a user agent
 * or a name can never forge a second entry or drive a terminal when the log is exported or printed.
 */
export function encodeLogField(value: string | null | undefined, maxLength = 1000): string | null {
  if (value === null || value === undefined) return null;
  const encoded = value.replace(
    // eslint-disable-next-line no-control-regex -- matching control characters is the point
    /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
  return encoded.length > maxLength ? `${encoded.slice(0, maxLength)}…` : encoded;
}
