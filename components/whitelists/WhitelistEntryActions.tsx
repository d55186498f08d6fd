"use client";

import { useActionState, useEffect, useState } from "react";
import { whitelistBlocks } from "@/lib/shared/whitelist-lockout";
import { Button } from "@/components/ui/Button";
import { ConfirmDialog } from "@/components/ui/ConfirmDialog";
import { FormError } from "@/components/ui/FormError";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { TextInput } from "@/components/ui/TextInput";
import { fieldError, type ActionResult, type ActionState } from "@/components/ui/action-result";
import { toast } from "@/components/ui/toast";
import { LockoutConfirmation } from "./LockoutConfirmation";
import { whitelistName } from "./whitelist-name";

type Action = (state: ActionState<unknown>, formData: FormData) => Promise<ActionResult<unknown>>;

type WhitelistEntryActionsProps = {
  /** The project whose whitelist this is; absent for the system whitelist (the platform operator's). */
  project?: string;
  entry: { id: string; value: string; description: string };
  /** Every entry of the list, to tell whether removing this one shuts out the admin's own address. */
  entries: string[];
  sourceIp: string | null;
  updateAction: Action;
  removeAction: Action;
};

/** Edit an entry's description, or remove the entry (confirming a lockout when it would cause one). */
export function WhitelistEntryActions({
  project,
  entry,
  entries,
  sourceIp,
  updateAction,
  removeAction,
}: WhitelistEntryActionsProps) {
  const [editing, setEditing] = useState(false);
  const remaining = entries.filter((value) => value !== entry.value);
  return (
    <div className="flex flex-wrap items-start justify-end gap-2">
      {editing ? (
        <DescriptionForm project={project} entry={entry} action={updateAction} onDone={() => setEditing(false)} />
      ) : (
        <Button
          size="sm"
          variant="secondary"
          onClick={() => setEditing(true)}
          aria-label={`Edit the description of ${entry.value}`}
        >
          Edit
        </Button>
      )}
      <ConfirmDialog
        triggerLabel={
          <>
            Remove<span className="sr-only"> {entry.value}</span>
          </>
        }
        triggerSize="sm"
        title={`Remove ${entry.value}?`}
        confirmLabel="Remove entry"
        action={removeAction}
        fields={project ? { project, entryId: entry.id } : { entryId: entry.id }}
        successMessage={`${entry.value} removed from ${whitelistName(project)}`}
      >
        <p>
          {remaining.length === 0
            ? `This is the last entry: with an empty whitelist, every address may reach ${project ? "the project" : "the platform"}.`
            : "Requests from this address or range will be refused unless another entry covers them."}
        </p>
        {whitelistBlocks(remaining, sourceIp) ? (
          <LockoutConfirmation sourceIp={sourceIp} scope={project ? "project" : "platform"} />
        ) : null}
      </ConfirmDialog>
    </div>
  );
}

function DescriptionForm({
  project,
  entry,
  action,
  onDone,
}: {
  project: string | undefined;
  entry: WhitelistEntryActionsProps["entry"];
  action: Action;
  onDone: () => void;
}) {
  const [state, submit] = useActionState(action, null);
  useEffect(() => {
    if (state?.ok) {
      toast(`Description of ${entry.value} saved`, { tone: "success" });
      onDone();
    }
  }, [state, entry.value, onDone]);
  return (
    <form action={submit} className="flex flex-wrap items-start gap-2" aria-label={`Description of ${entry.value}`}>
      <FormError state={state} className="w-full" />
      {project ? <input type="hidden" name="project" value={project} /> : null}
      <input type="hidden" name="entryId" value={entry.id} />
      <TextInput
        label={<span className="sr-only">New description of {entry.value}</span>}
        name="description"
        defaultValue={entry.description}
        maxLength={200}
        error={fieldError(state, "description")}
        className="min-w-56"
      />
      <SubmitButton size="sm">Save</SubmitButton>
      <Button size="sm" variant="ghost" onClick={onDone}>
        Cancel
      </Button>
    </form>
  );
}
