import { describe, expect, it } from "vitest";
import { z } from "zod";
import { DEFAULT_BODY_LIMIT, readCappedBody } from "@/lib/endpoint/capped-body";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import { routeHandler } from "@/lib/endpoint/route-handler";
import { demoDatabase } from "../helpers/test-database";

await demoDatabase();

/** A request body streamed in chunks, without Content-Length, that remembers how much of it was read. */
function streamedBody(chunks: number, chunkSize: number) {
  const pulled = { chunks: 0 };
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (pulled.chunks === chunks) return controller.close();
        pulled.chunks++;
        controller.enqueue(new Uint8Array(chunkSize).fill(0x20));
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, pulled };
}

function post(body: BodyInit, headers: Record<string, string> = {}): Request {
  return new Request("http://localhost/api/v1/test", { method: "POST", body, headers, duplex: "half" } as RequestInit);
}

describe("readCappedBody", () => {
  it("reads a body within the cap", async () => {
    expect(await readCappedBody(post('{"a":1}'), DEFAULT_BODY_LIMIT)).toEqual({ ok: true, text: '{"a":1}' });
  });

  it("reads an empty body", async () => {
    expect(await readCappedBody(new Request("http://localhost/", { method: "POST" }), 10)).toEqual({
      ok: true,
      text: "",
    });
  });

  it("counts bytes, not characters (a multi-byte body at the cap and one byte past it)", async () => {
    expect(await readCappedBody(post("é".repeat(5)), 10)).toEqual({ ok: true, text: "é".repeat(5) });
    expect(await readCappedBody(post(`${"é".repeat(5)}x`), 10)).toEqual({ ok: false });
  });

  it("refuses a declared Content-Length over the cap without reading a byte", async () => {
    const { stream, pulled } = streamedBody(4, 1024);
    expect(await readCappedBody(post(stream, { "content-length": String(4 * 1024) }), 1024)).toEqual({ ok: false });
    expect(pulled.chunks).toBe(0);
  });

  it("stops reading a chunked body (no Content-Length) as soon as it passes the cap", async () => {
    const { stream, pulled } = streamedBody(2048, 1024);
    expect(await readCappedBody(post(stream), DEFAULT_BODY_LIMIT)).toEqual({ ok: false });
    expect(pulled.chunks).toBeLessThanOrEqual(DEFAULT_BODY_LIMIT / 1024 + 2);
  });

  it("does not trust a small Content-Length over a larger streamed body", async () => {
    const { stream } = streamedBody(3, 1024);
    expect(await readCappedBody(post(stream, { "content-length": "10" }), 2048)).toEqual({ ok: false });
  });
});

describe("routeHandler: the body is capped and read only after authentication", () => {
  let ran = false;
  const echo = defineEndpoint({
    name: "test.echo",
    input: z.object({ value: z.string() }),
    permission: "signed-in",
    bodyLimit: 64,
    run: async (_ctx, input) => {
      ran = true;
      return input;
    },
  });
  const handle = routeHandler(echo);
  const params = { params: Promise.resolve({}) };

  it("an unauthenticated POST (no same-origin session) gets 401 and its body is never read", async () => {
    const { stream, pulled } = streamedBody(2048, 1024);
    const response = await handle(post(stream, { "content-type": "application/json" }), params);
    expect(response.status).toBe(401);
    expect((await response.json()).error.code).toBe("UNAUTHENTICATED");
    expect(pulled.chunks).toBe(0);
    expect(ran).toBe(false);
  });

  it("a declared body over the endpoint's own cap gets 413 PAYLOAD_TOO_LARGE", async () => {
    const response = await handle(
      post(JSON.stringify({ value: "x".repeat(100) }), { "content-length": "113" }),
      params,
    );
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({
      error: { code: "PAYLOAD_TOO_LARGE", message: expect.stringContaining("64 bytes") },
    });
    expect(ran).toBe(false);
  });
});
