"use client";

import { useActionState, useEffect } from "react";
import type { AdminVerdict } from "@/lib/authorize/admin-verdict";
import { Icon } from "@/components/ui/icons";
import { Switch } from "@/components/ui/Switch";
import type { ActionState } from "@/components/ui/action-result";
import { toast } from "@/components/ui/toast";

type UpdateAction = (state: ActionState<unknown>, formData: FormData) => Promise<ActionState<unknown>>;

type SecuritySwitchFormProps = {
  project: string;
  setting: string;
  description: string;
  value: boolean;
  change: AdminVerdict;
  action: UpdateAction;
};

/**
 * One security switch. Flipping it saves at once (audited); a switch the actor may not change is shown
 * disabled with the engine's reason.
 */
export function SecuritySwitchForm({ project, setting, description, value, change, action }: SecuritySwitchFormProps) {
  const [state, submit, pending] = useActionState(action, null);
  useEffect(() => {
    if (state && !state.ok) toast(state.error.message, { tone: "danger" });
    if (state?.ok) toast(`${setting} saved`, { tone: "success" });
  }, [state, setting]);

  if (!change.allowed) {
    return (
      <Switch
        label={setting}
        checked={value}
        disabled
        readOnly
        description={
          <>
            {description}
            <span className="mt-1 flex items-center gap-1 text-slate-600">
              <Icon name="lock" className="size-3.5 shrink-0" />
              {change.reason}.
            </span>
          </>
        }
      />
    );
  }
  return (
    <form action={submit} aria-label={setting}>
      <input type="hidden" name="project" value={project} />
      <input type="hidden" name={setting} value={String(!value)} />
      <Switch
        label={setting}
        description={description}
        checked={pending ? !value : value}
        aria-busy={pending || undefined}
        onChange={(event) => event.currentTarget.form?.requestSubmit()}
      />
    </form>
  );
}
