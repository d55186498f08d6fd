import { Alert } from "./Alert";
import type { ActionState } from "./action-result";

type FormErrorProps = {
  state: ActionState<unknown> | undefined;
  className?: string;
};

/** Form-level error banner for a failed server action; field errors are shown at their fields. */
export function FormError({ state, className }: FormErrorProps) {
  if (!state || state.ok) return null;
  const fieldErrorCount = Object.keys(state.error.fieldErrors ?? {}).length;
  return (
    <Alert tone="danger" role="alert" title={state.error.message} className={className}>
      {fieldErrorCount > 0
        ? `Check the ${fieldErrorCount === 1 ? "highlighted field" : `${fieldErrorCount} highlighted fields`} below.`
        : null}
    </Alert>
  );
}
