import { ConfirmDialog } from "@/components/ui/ConfirmDialog";
import type { ActionResult, ActionState } from "@/components/ui/action-result";

type RevokeRoleAction = (state: ActionState<unknown>, formData: FormData) => Promise<ActionResult<unknown>>;

export function RevokeRoleDialog({
  action,
  project,
  role,
  userId,
  principal,
}: {
  action: RevokeRoleAction;
  project: string;
  role: string;
  userId: string;
  principal: string;
}) {
  return (
    <ConfirmDialog
      triggerLabel={
        <>
          Revoke
          <span className="sr-only">
            {" "}
            {role} from {principal}
          </span>
        </>
      }
      triggerSize="sm"
      triggerVariant="secondary"
      title={`Revoke ${role} from ${principal}?`}
      confirmLabel="Revoke role"
      action={action}
      fields={{ project, role, userId }}
      successMessage={`${role} revoked from ${principal}`}
    >
      <p>They lose what the role grants on their next request. Their own grants are not affected.</p>
    </ConfirmDialog>
  );
}
