import { Checkbox } from "@/components/ui/Checkbox";
import { ConfirmDialog } from "@/components/ui/ConfirmDialog";
import type { ActionResult, ActionState } from "@/components/ui/action-result";
import type { RemovedMember } from "@/lib/services/members/remove-member";

type RemoveMemberAction = (
  state: ActionState<RemovedMember>,
  formData: FormData,
) => Promise<ActionResult<RemovedMember>>;

/** Removes a member after saying what happens to their permissions, with the option to clear them. */
export function RemoveMemberDialog({
  action,
  project,
  userId,
  principal,
}: {
  action: RemoveMemberAction;
  project: string;
  userId: string;
  principal: string;
}) {
  return (
    // The dialog lives in an end-aligned table cell: its text must not inherit that alignment.
    <span className="inline-block text-left">
      <ConfirmDialog
        triggerLabel={
          <>
            Remove<span className="sr-only"> {principal}</span>
          </>
        }
        triggerSize="sm"
        title={`Remove ${principal} from ${project}?`}
        confirmLabel="Remove member"
        action={action}
        fields={{ project, userId }}
        successMessage={`${principal} removed from ${project}`}
      >
        <p>They lose access to {project} on their next request.</p>
        <p>
          Their grants, label grants and roles stay in the project, dormant, and come back if they are added again —
          unless you clear them now.
        </p>
        <Checkbox
          name="clearPermissions"
          label="Also clear their permissions"
          description="Deletes their ACL grants, label grants and role assignments in this project and resets their clearance. This cannot be undone."
        />
      </ConfirmDialog>
    </span>
  );
}
