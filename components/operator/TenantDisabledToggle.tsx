"use client";

import { ConfirmDialog } from "@/components/ui/ConfirmDialog";
import type { ActionResult, ActionState } from "@/components/ui/action-result";

type ToggleAction = (state: ActionState<unknown>, formData: FormData) => Promise<ActionResult<unknown>>;

/** Disables a tenant (after saying what that does) or re-enables it. */
type TenantDisabledToggleProps = { action: ToggleAction; tenant: string; disabled: boolean };

const ENABLING =
  "Its users may sign in again (sessions opened before it was disabled stay ended), and other projects see its " +
  "projects again.";
const DISABLING =
  "Its users are signed out on their next request and cannot sign in; other tenants' projects no longer trust its " +
  "projects or use their packages. Nothing is deleted.";

export function TenantDisabledToggle({ action, tenant, disabled }: TenantDisabledToggleProps) {
  return (
    <ConfirmDialog
      triggerLabel={
        <>
          {disabled ? "Enable" : "Disable"}
          <span className="sr-only"> tenant {tenant}</span>
        </>
      }
      triggerVariant={disabled ? "secondary" : "danger"}
      triggerSize="sm"
      title={`${disabled ? "Enable" : "Disable"} tenant ${tenant}?`}
      confirmLabel={disabled ? "Enable tenant" : "Disable tenant"}
      confirmVariant={disabled ? "primary" : "danger"}
      action={action}
      fields={{ tenant, disabled: disabled ? "false" : "true" }}
      successMessage={`Tenant ${tenant} ${disabled ? "enabled" : "disabled"}`}
    >
      <p>{disabled ? ENABLING : DISABLING}</p>
    </ConfirmDialog>
  );
}
