import http from "node:http";
import https from "node:https";
import { guardedLookup } from "./webhook-target";

/**
 * POSTs a delivery and resolves with the receiver's status. node:http rather than fetch: its `lookup` hook lets
 * guardedLookup vet the very address the socket connects to. Redirects are not followed (a 3xx is the
 * receiver's answer, and a redirect could point anywhere); the answer's body is discarded unread.
 */
export function postWebhook(
  url: string,
  headers: Record<string, string>,
  body: string,
  timeoutMs: number,
): Promise<number> {
  const target = new URL(url);
  const send = target.protocol === "https:" ? https.request : http.request;
  return new Promise((resolve, reject) => {
    const request = send(
      target,
      {
        method: "POST",
        lookup: guardedLookup,
        timeout: timeoutMs,
        headers: { ...headers, "content-length": Buffer.byteLength(body) },
      },
      (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      },
    );
    request.on("timeout", () => request.destroy(new Error(`The receiver did not answer within ${timeoutMs} ms.`)));
    request.on("error", reject);
    request.end(body);
  });
}
