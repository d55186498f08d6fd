/** Bytes a request body may hold unless its endpoint says otherwise (EndpointDefinition.bodyLimit). */
export const DEFAULT_BODY_LIMIT = 1_048_576;

export type CappedBody = { ok: true; text: string } | { ok: false };

/**
 * Reads a request body as UTF-8 text, refusing it once it passes `limit` bytes: a declared Content-Length
 * over the limit is refused before a byte is read, and the bytes are counted as they stream in (a chunked
 * body has no Content-Length, and a declared one may understate), so at most `limit` bytes plus one chunk
 * are ever held.
 */
export async function readCappedBody(request: Request, limit: number): Promise<CappedBody> {
  const body = await readCappedBytes(request, limit);
  return body.ok ? { ok: true, text: body.bytes.toString("utf8") } : body;
}

/** readCappedBody's bytes, as they came (a signed request's body hash is over the bytes, not the text). */
export async function readCappedBytes(
  request: Request,
  limit: number,
): Promise<{ ok: true; bytes: Buffer } | { ok: false }> {
  const declared = Number(request.headers.get("content-length"));
  if (declared > limit) return { ok: false };
  if (!request.body) return { ok: true, bytes: Buffer.alloc(0) };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return { ok: false };
    }
    chunks.push(value);
  }
  return { ok: true, bytes: Buffer.concat(chunks) };
}
