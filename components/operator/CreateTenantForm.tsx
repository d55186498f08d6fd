"use client";

import { useActionState, useEffect, useRef } from "react";
import { Alert } from "@/components/ui/Alert";
import { FormError } from "@/components/ui/FormError";
import { PasswordInput } from "@/components/ui/PasswordInput";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { TextInput } from "@/components/ui/TextInput";
import { fieldError, fieldValue, type ActionState } from "@/components/ui/action-result";
import type { CreatedTenant } from "@/lib/services/operator/create-tenant";

type CreateAction = (state: ActionState<CreatedTenant>, formData: FormData) => Promise<ActionState<CreatedTenant>>;

/**
 * A new customer's tenant and its first owner. A generated password is shown here once, in this page's
 * memory only: it is not stored anywhere it could be read again, so the operator passes it on now.
 */
export function CreateTenantForm({ action }: { action: CreateAction }) {
  const [state, submit] = useActionState(action, null);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.ok) form.current?.reset();
  }, [state]);
  const created = state?.ok ? state.data : null;
  return (
    <div className="grid gap-4">
      {created ? (
        <Alert tone="success" title={`Tenant ${created.tenant.name} created`} role="status">
          <p>
            Its owner {created.owner.email} signs in as <code>{created.owner.principal}</code>.
          </p>
          {created.generatedPassword ? (
            <p className="mt-2">
              Initial password, shown this once (pass it on now):{" "}
              <code className="rounded bg-white px-1 font-mono select-all" aria-label="Generated initial password">
                {created.generatedPassword}
              </code>
            </p>
          ) : null}
        </Alert>
      ) : null}
      <form ref={form} action={submit} className="grid gap-4" aria-label="Create a tenant">
        <FormError state={state} />
        <TextInput
          label="Tenant name"
          name="name"
          required
          hint="Lower-case; users sign statements as RAM$<tenant>:<user>."
          error={fieldError(state, "name")}
          defaultValue={fieldValue(state, "name")}
        />
        <TextInput
          label="Organisation"
          name="displayName"
          required
          error={fieldError(state, "displayName")}
          defaultValue={fieldValue(state, "displayName")}
        />
        <TextInput
          label="Owner's email"
          name="ownerEmail"
          type="email"
          required
          hint="The account owner signs in with it."
          error={fieldError(state, "ownerEmail")}
          defaultValue={fieldValue(state, "ownerEmail")}
        />
        <TextInput
          label="Owner's name"
          name="ownerDisplayName"
          required
          error={fieldError(state, "ownerDisplayName")}
          defaultValue={fieldValue(state, "ownerDisplayName")}
        />
        <PasswordInput
          label="Owner's initial password"
          name="ownerPassword"
          autoComplete="new-password"
          hint="Leave empty to generate one, shown once after creating. Typed: at least 15 characters."
          error={fieldError(state, "ownerPassword")}
        />
        <div>
          <SubmitButton>Create tenant</SubmitButton>
        </div>
      </form>
    </div>
  );
}
