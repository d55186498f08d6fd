/** Statements a user ran, newest last, kept in this browser (per user): the console's ↑/↓ recall them. */
const HISTORY_LIMIT = 50;
/** A history entry longer than this is not kept (the store is small and shared with the whole site). */
const ENTRY_LIMIT = 8_192;

const storageKey = (userKey: string) => `security-center:statements:${userKey}`;

export function loadHistory(userKey: string): string[] {
  try {
    const stored: unknown = JSON.parse(window.localStorage.getItem(storageKey(userKey)) ?? "[]");
    return Array.isArray(stored) ? stored.filter((entry): entry is string => typeof entry === "string") : [];
  } catch {
    return [];
  }
}

/** The history with `text` appended (not twice in a row), bounded; saved when the browser lets us. */
export function rememberStatement(userKey: string, history: readonly string[], text: string): string[] {
  const entry = text.trim();
  if (entry === "" || entry.length > ENTRY_LIMIT || history.at(-1) === entry) return [...history];
  const next = [...history, entry].slice(-HISTORY_LIMIT);
  try {
    window.localStorage.setItem(storageKey(userKey), JSON.stringify(next));
  } catch {
    // A full or disabled store only means no history across visits.
  }
  return next;
}
