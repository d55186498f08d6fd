"use client";

import { useActionState, useEffect } from "react";
import { FormError } from "@/components/ui/FormError";
import { Select, type SelectOption } from "@/components/ui/Select";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { fieldError, fieldValue, type ActionState } from "@/components/ui/action-result";
import { toast } from "@/components/ui/toast";

type AssignedRole = { role: string; principal: string };
type AssignRoleAction = (state: ActionState<AssignedRole>, formData: FormData) => Promise<ActionState<AssignedRole>>;

type AssignRoleFormProps = {
  action: AssignRoleAction;
  project: string;
  /** The roles to choose from, or the one role this form assigns (a role's own page). */
  role: { choices: readonly SelectOption[] } | { fixed: string };
  members: readonly SelectOption[];
};

/** Assigns a role to a member. The decision engine says who may; its reason shows at the form when it refuses. */
export function AssignRoleForm({ action, project, role, members }: AssignRoleFormProps) {
  const [state, submit] = useActionState(action, null);
  useEffect(() => {
    if (state?.ok && state.data) toast(`${state.data.role} assigned to ${state.data.principal}`, { tone: "success" });
  }, [state]);
  return (
    <form action={submit} className="grid gap-4" aria-label="Assign a role">
      <FormError state={state} />
      <input type="hidden" name="project" value={project} />
      {"fixed" in role ? (
        <input type="hidden" name="role" value={role.fixed} />
      ) : (
        <Select
          label="Role"
          name="role"
          required
          placeholder="Choose a role…"
          options={role.choices}
          error={fieldError(state, "role")}
          defaultValue={fieldValue(state, "role", "")}
        />
      )}
      <Select
        label="Member"
        name="userId"
        required
        placeholder="Choose a member…"
        options={members}
        error={fieldError(state, "userId")}
        defaultValue={fieldValue(state, "userId", "")}
      />
      <div>
        <SubmitButton>Assign role</SubmitButton>
      </div>
    </form>
  );
}
