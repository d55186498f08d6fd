"use client";

import { useActionState, useEffect } from "react";
import { Alert } from "@/components/ui/Alert";
import { FormError } from "@/components/ui/FormError";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { TextInput } from "@/components/ui/TextInput";
import { fieldError, fieldValue, type ActionResult, type ActionState } from "@/components/ui/action-result";
import { toast } from "@/components/ui/toast";
import type { ApprovalSettingsView } from "@/lib/services/requests/get-approval-settings";

type SettingsAction = (state: ActionState<unknown>, formData: FormData) => Promise<ActionResult<unknown>>;

const KINDS = [
  { kind: "ACL", field: "privilegesApprovals", label: "Privileges" },
  { kind: "LABEL", field: "labelApprovals", label: "Label grants" },
  { kind: "PACKAGE", field: "packageApprovals", label: "Packages" },
  { kind: "ROLE", field: "roleApprovals", label: "Roles" },
] as const;

/** The project's approval rules: who approves requests, how many must, and how long grants and requests last. */
export function ApprovalSettingsForm({ settings, action }: { settings: ApprovalSettingsView; action: SettingsAction }) {
  const [state, submit] = useActionState(action, null);
  useEffect(() => {
    if (state?.ok) toast("Approval rules saved", { tone: "success" });
  }, [state]);
  const value = (name: string, initial: string | number) => fieldValue(state, name, String(initial));
  const disabled = !settings.mayChange;
  return (
    <form action={submit} className="grid gap-4" aria-label="Approval rules">
      <FormError state={state} />
      {disabled ? <Alert tone="info">Only the project&apos;s administrators change its approval rules.</Alert> : null}
      <input type="hidden" name="project" value={settings.project} />
      <TextInput
        label="Approver roles"
        name="approverRoles"
        hint={`Besides the owner, members holding these roles decide requests (comma-separated; roles: ${settings.roles.join(", ")}).`}
        defaultValue={value("approverRoles", settings.approverRoles.join(", "))}
        error={fieldError(state, "approverRoles")}
        disabled={disabled}
      />
      <fieldset className="grid gap-3 sm:grid-cols-4">
        <legend className="mb-1 text-sm font-medium text-slate-700">Distinct approvals needed</legend>
        {KINDS.map(({ kind, field, label }) => (
          <TextInput
            key={kind}
            label={label}
            name={field}
            type="number"
            min={1}
            max={5}
            defaultValue={value(field, settings.requiredApprovals[kind])}
            error={fieldError(state, field)}
            disabled={disabled}
          />
        ))}
      </fieldset>
      <div className="grid gap-3 sm:grid-cols-2">
        <TextInput
          label="Default days"
          name="defaultDays"
          type="number"
          min={1}
          defaultValue={value("defaultDays", settings.defaultDays)}
          error={fieldError(state, "defaultDays")}
          disabled={disabled}
        />
        <TextInput
          label="Default days of label grants"
          name="labelDefaultDays"
          type="number"
          min={1}
          defaultValue={value("labelDefaultDays", settings.labelDefaultDays)}
          error={fieldError(state, "labelDefaultDays")}
          disabled={disabled}
        />
        <TextInput
          label="Maximum days"
          name="maxDays"
          type="number"
          min={1}
          defaultValue={value("maxDays", settings.maxDays)}
          error={fieldError(state, "maxDays")}
          disabled={disabled}
        />
        <TextInput
          label="Pending requests expire after (days)"
          name="pendingExpiryDays"
          type="number"
          min={1}
          defaultValue={value("pendingExpiryDays", settings.pendingExpiryDays)}
          error={fieldError(state, "pendingExpiryDays")}
          disabled={disabled}
        />
      </div>
      {disabled ? null : (
        <div>
          <SubmitButton>Save approval rules</SubmitButton>
        </div>
      )}
    </form>
  );
}
