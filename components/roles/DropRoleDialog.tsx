import { ConfirmDialog } from "@/components/ui/ConfirmDialog";
import type { ActionResult, ActionState } from "@/components/ui/action-result";

type DropRoleAction = (state: ActionState<unknown>, formData: FormData) => Promise<ActionResult<unknown>>;

export function DropRoleDialog({
  action,
  project,
  role,
  grants,
  hasPolicy,
}: {
  action: DropRoleAction;
  project: string;
  role: string;
  grants: number;
  hasPolicy: boolean;
}) {
  return (
    // The dialog lives in an end-aligned table cell: its text must not inherit that alignment.
    <span className="inline-block text-left">
      <ConfirmDialog
        triggerLabel={
          <>
            Drop<span className="sr-only"> role {role}</span>
          </>
        }
        triggerSize="sm"
        title={`Drop role ${role}?`}
        confirmLabel="Drop role"
        action={action}
        fields={{ project, role }}
        successMessage={`Role ${role} dropped from ${project}`}
      >
        <p>
          The role is deleted with {grants === 1 ? "its 1 ACL grant" : `its ${grants} ACL grants`}
          {hasPolicy ? " and its policy" : ""}. This cannot be undone.
        </p>
        <p>
          A role still assigned to anyone (removed members included) cannot be dropped: revoke it first on the
          role&apos;s page.
        </p>
      </ConfirmDialog>
    </span>
  );
}
