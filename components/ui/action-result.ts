/** What every server action used with useActionState returns. */
export type ActionResult<T = undefined> =
  | { ok: true; data?: T }
  | {
      ok: false;
      error: { code: string; message: string; fieldErrors?: Record<string, string[]> };
      /** The submitted values, echoed back so inputs can use them as defaultValue after React resets the form. */
      values?: Record<string, string>;
    };

/** useActionState's state before the first submission is null. */
export type ActionState<T = undefined> = ActionResult<T> | null;

/** The first error message for a field, if the last submission failed on it. */
export function fieldError(state: ActionState<unknown> | undefined, name: string): string | undefined {
  if (!state || state.ok) return undefined;
  return state.error.fieldErrors?.[name]?.[0];
}

/** The value the user last submitted for a field, falling back to the initial value. */
export function fieldValue(
  state: ActionState<unknown> | undefined,
  name: string,
  fallback?: string,
): string | undefined {
  if (!state || state.ok) return fallback;
  return state.values?.[name] ?? fallback;
}

/**
 * Whether a checkbox or switch should start checked. After a failed submission its absence from
 * `values` means the user unchecked it, so the initial value must not come back.
 */
export function fieldChecked(state: ActionState<unknown> | undefined, name: string, initial = false): boolean {
  if (!state || state.ok || !state.values) return initial;
  return state.values[name] !== undefined;
}
