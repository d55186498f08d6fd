/** The AccessKey routes as the console calls them (same origin, session cookie): the API's own answers. */
export type ApiError = { code: string; message: string; fieldErrors?: Record<string, string[]> };
export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiError };

export async function callAccessKeyApi<T>(method: string, path: string, body?: unknown): Promise<ApiResult<T>> {
  try {
    const response = await fetch(path, {
      method,
      headers: body === undefined ? undefined : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await response.json()) as { data?: T; error?: ApiError };
    return response.ok ? { ok: true, data: json.data as T } : { ok: false, error: json.error! };
  } catch {
    return { ok: false, error: { code: "NETWORK", message: "The console could not be reached. Try again." } };
  }
}
