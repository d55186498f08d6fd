"use client";

import { ConfirmDialog } from "@/components/ui/ConfirmDialog";
import { Select } from "@/components/ui/Select";
import type { ActionResult, ActionState } from "@/components/ui/action-result";

type RoleAction = (state: ActionState<unknown>, formData: FormData) => Promise<ActionResult<unknown>>;

const ROLE_OPTIONS = [
  { value: "SUPER_ADMINISTRATOR", label: "Super_Administrator — everything but the owner's own rights" },
  { value: "ADMIN", label: "Admin — manages ordinary sub-accounts and projects" },
  { value: "AUDITOR", label: "Auditor — reads the audit log" },
];

/** Assigns or revokes one account-level role; the server decides whether the actor may. */
export function TenantRoleDialog({ action, userId, email }: { action: RoleAction; userId: string; email: string }) {
  return (
    <ConfirmDialog
      triggerLabel="Roles"
      triggerVariant="secondary"
      triggerSize="sm"
      title={`Account roles of ${email}`}
      confirmLabel="Apply"
      confirmVariant="primary"
      action={action}
      fields={{ userId }}
      successMessage={`Roles of ${email} updated.`}
    >
      <Select label="Role" name="role" options={ROLE_OPTIONS} />
      <Select
        label="Change"
        name="assigned"
        options={[
          { value: "true", label: "Assign the role" },
          { value: "false", label: "Revoke the role" },
        ]}
      />
    </ConfirmDialog>
  );
}
