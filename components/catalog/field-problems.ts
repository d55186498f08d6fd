import type { ActionState } from "@/components/ui/action-result";

/** Every error message for a field (fieldError gives the first): lists of rows need all of them. */
export function fieldProblems(state: ActionState<unknown> | undefined, name: string): string[] {
  return !state || state.ok ? [] : (state.error.fieldErrors?.[name] ?? []);
}
