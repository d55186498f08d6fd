import type { PolicyParseResult } from "@/lib/authz";
import { Icon } from "@/components/ui/icons";
import { describePolicyError } from "@/lib/shared/policy-error-text";

/** The editor's live verdict on the text: valid, or each error with the statement and field at fault. */
export function PolicyProblems({ id, result }: { id: string; result: PolicyParseResult }) {
  return (
    <div id={id} role="status" aria-live="polite" aria-label="Policy validation" className="text-xs">
      {result.ok ? (
        <p className="flex items-center gap-1 font-medium text-success-700">
          <Icon name="check" className="size-3.5" />
          Valid policy: {result.document.Statement.length}{" "}
          {result.document.Statement.length === 1 ? "statement" : "statements"}.
        </p>
      ) : (
        <ul className="grid gap-1 font-medium text-danger-700">
          {result.errors.map((error, index) => (
            <li key={index} className="flex items-start gap-1">
              <Icon name="alert" className="mt-px size-3.5 shrink-0" />
              <span className="font-mono">{describePolicyError(error)}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
