import { Badge } from "@/components/ui/Badge";
import type { ActionResult, ActionState } from "@/components/ui/action-result";
import type { RoleDetail } from "@/lib/services/roles/get-role";
import { RevokeRoleDialog } from "./RevokeRoleDialog";

type RevokeRoleAction = (state: ActionState<unknown>, formData: FormData) => Promise<ActionResult<unknown>>;

/**
 * Who holds a role: active members, and removed members whose assignment waits, dormant. Without `revokeAction`
 * (an auditor reads) the list offers no revoke.
 */
export function RoleMembers({ detail, revokeAction }: { detail: RoleDetail; revokeAction?: RevokeRoleAction }) {
  if (detail.members.length === 0)
    return (
      <p className="text-sm text-slate-600">
        Nobody holds this role yet.{revokeAction ? " Assign it with the form below." : ""}
      </p>
    );
  return (
    <div className="grid gap-2">
      <ul aria-label={`Members holding ${detail.role.name}`} className="divide-y divide-slate-100">
        {detail.members.map((member) => (
          <li key={member.userId} className="flex flex-wrap items-center justify-between gap-3 py-2">
            <span className="grid gap-0.5">
              <span className="flex items-center gap-1.5 text-sm font-medium">
                {member.displayName}
                {member.active ? (
                  <Badge tone="success" dot>
                    Active
                  </Badge>
                ) : (
                  <Badge tone="neutral" dot>
                    Removed — dormant
                  </Badge>
                )}
              </span>
              <code className="text-xs text-slate-500">{member.principal}</code>
            </span>
            {revokeAction ? (
              <RevokeRoleDialog
                action={revokeAction}
                project={detail.project}
                role={detail.role.name}
                userId={member.userId}
                principal={member.principal}
              />
            ) : null}
          </li>
        ))}
      </ul>
      {detail.memberTotal > detail.members.length ? (
        <p className="text-xs text-slate-500">
          Showing {detail.members.length} of {detail.memberTotal}.
        </p>
      ) : null}
    </div>
  );
}
