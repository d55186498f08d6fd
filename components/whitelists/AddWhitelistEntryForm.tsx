"use client";

import { useActionState, useEffect, useState } from "react";
import { parseWhitelistEntry, printWhitelistEntry } from "@/lib/authz";
import { whitelistBlocks } from "@/lib/shared/whitelist-lockout";
import { FormError } from "@/components/ui/FormError";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { TextInput } from "@/components/ui/TextInput";
import { fieldError, fieldValue, type ActionState } from "@/components/ui/action-result";
import { toast } from "@/components/ui/toast";
import { LockoutConfirmation } from "./LockoutConfirmation";
import { whitelistName } from "./whitelist-name";

type AddAction = (state: ActionState<{ value: string }>, formData: FormData) => Promise<ActionState<{ value: string }>>;

type AddWhitelistEntryFormProps = {
  action: AddAction;
  /** The project whose whitelist this is; absent for the system whitelist (the platform operator's). */
  project?: string;
  /** The list's entries now, to warn before a change that would shut out the admin's own address. */
  entries: string[];
  sourceIp: string | null;
};

export function AddWhitelistEntryForm({ action, project, entries, sourceIp }: AddWhitelistEntryFormProps) {
  const [state, submit] = useActionState(action, null);
  const [value, setValue] = useState("");
  const [touched, setTouched] = useState(false);
  useEffect(() => {
    if (state?.ok) {
      toast(`${state.data?.value ?? "The entry"} added to ${whitelistName(project)}`, { tone: "success" });
      setValue("");
      setTouched(false);
    }
  }, [state, project]);

  const parsed = value.trim() === "" ? null : parseWhitelistEntry(value);
  const liveError = touched && parsed && !parsed.ok ? parsed.message : undefined;
  const locksOut = parsed?.ok === true && whitelistBlocks([...entries, printWhitelistEntry(parsed.entry)], sourceIp);
  // The server's refusal stands only while the value it refused is still the one in the field.
  const lockoutError = fieldValue(state, "value") === value ? fieldError(state, "confirmLockout") : undefined;

  return (
    <form action={submit} className="grid gap-4" aria-label="Add a whitelist entry">
      <FormError state={state} />
      {project ? <input type="hidden" name="project" value={project} /> : null}
      <TextInput
        label="Address, CIDR block or range"
        name="value"
        required
        value={value}
        onChange={(event) => setValue(event.target.value)}
        onBlur={() => setTouched(true)}
        placeholder="10.0.0.0/8"
        hint="IPv4 or IPv6: 192.168.1.10, 10.0.0.0/8, 192.168.1.10-192.168.1.200, 2001:db8::/32."
        error={fieldError(state, "value") ?? liveError}
        inputClassName="font-mono"
      />
      <TextInput
        label="Description"
        name="description"
        maxLength={200}
        defaultValue={fieldValue(state, "description")}
        error={fieldError(state, "description")}
        placeholder="What this address is"
      />
      {locksOut || lockoutError ? (
        <LockoutConfirmation sourceIp={sourceIp} error={lockoutError} scope={project ? "project" : "platform"} />
      ) : null}
      <div>
        <SubmitButton>Add entry</SubmitButton>
      </div>
    </form>
  );
}
