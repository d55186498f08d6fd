/**
 * Lookups shared by everything one page render asks for, e.g. the project its services all resolve. The page
 * layer gives each render a memo of its own (readPage, guardPage), so the next request, and the re-render after a
 * server action, read afresh. Server actions and API routes get none: each of their lookups reads afresh.
 */
export type RequestMemo = Map<string, Promise<unknown>>;

/** `load()` once per key within the memo (failures included, as they are the same answer); without one, every time. */
export function memoized<T>(memo: RequestMemo | undefined, key: string, load: () => Promise<T>): Promise<T> {
  if (!memo) return load();
  let value = memo.get(key) as Promise<T> | undefined;
  if (!value) {
    value = load();
    memo.set(key, value);
  }
  return value;
}
