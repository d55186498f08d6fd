import { ConfirmDialog } from "@/components/ui/ConfirmDialog";
import type { ActionResult, ActionState } from "@/components/ui/action-result";
import type { GrantItem } from "@/lib/services/grants/support/grant-item";

type RevokeAction = (state: ActionState<GrantItem>, formData: FormData) => Promise<ActionResult<GrantItem>>;

export const describeGrant = (grant: GrantItem) =>
  `${grant.privilege} on ${grant.objectType.toLowerCase()} ${grant.objectName}${grant.columns.length > 0 ? `(${grant.columns.join(", ")})` : ""} to ${grant.grantee.type === "Role" ? `role ${grant.grantee.name}` : grant.grantee.name}`;

/** REVOKE one granted privilege, after saying who loses what. */
export function RevokeGrantDialog({
  action,
  project,
  grant,
}: {
  action: RevokeAction;
  project: string;
  grant: GrantItem;
}) {
  const what = describeGrant(grant);
  return (
    <ConfirmDialog
      triggerLabel={
        <>
          Revoke<span className="sr-only"> {what}</span>
        </>
      }
      triggerSize="sm"
      title="Revoke this grant?"
      confirmLabel="Revoke"
      action={action}
      fields={{ project, grantId: grant.id }}
      successMessage={`Revoked ${what}`}
    >
      <p>
        Revokes <strong className="font-medium text-slate-900">{what}</strong>. It stops counting on the next request;
        access that also comes from another grant, a role or a policy stays.
      </p>
    </ConfirmDialog>
  );
}
