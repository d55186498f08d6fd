import type { ReactNode } from "react";
import { ConfirmDialog } from "@/components/ui/ConfirmDialog";
import type { ActionResult, ActionState } from "@/components/ui/action-result";

type Action = (state: ActionState<unknown>, formData: FormData) => Promise<ActionResult<unknown>>;

/** A confirmed package statement on one row (REMOVE, DISALLOW, UNINSTALL, DROP, INSTALL). */
export function ConfirmedRowAction({
  action,
  fields,
  label,
  subject,
  title,
  confirmLabel,
  successMessage,
  tone = "danger",
  children,
}: {
  action: Action;
  fields: Record<string, string>;
  /** The verb on the button, e.g. "Remove". */
  label: string;
  /** What the verb acts on, for screen readers: "dim_region from garden_share". */
  subject: string;
  title: string;
  confirmLabel: string;
  successMessage: string;
  tone?: "danger" | "primary";
  children: ReactNode;
}) {
  return (
    // The dialog lives in an end-aligned table cell: its text must not inherit that alignment.
    <span className="inline-block text-left">
      <ConfirmDialog
        triggerLabel={
          <>
            {label}
            <span className="sr-only"> {subject}</span>
          </>
        }
        triggerSize="sm"
        triggerVariant={tone === "danger" ? "danger" : "secondary"}
        title={title}
        confirmLabel={confirmLabel}
        confirmVariant={tone}
        action={action}
        fields={fields}
        successMessage={successMessage}
      >
        {children}
      </ConfirmDialog>
    </span>
  );
}
