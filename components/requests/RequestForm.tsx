"use client";

import Link from "next/link";
import { useActionState, useState } from "react";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { FormError } from "@/components/ui/FormError";
import { Select } from "@/components/ui/Select";
import { Textarea } from "@/components/ui/Textarea";
import { TextInput } from "@/components/ui/TextInput";
import { fieldError, fieldValue, type ActionResult, type ActionState } from "@/components/ui/action-result";
import type { RequestPreview } from "@/lib/services/requests/preview-request";
import type { RequestView } from "@/lib/services/requests/support/request-view";
import { RequestPreviewView } from "./RequestPreviewView";

type FormAction<T> = (state: ActionState<T>, formData: FormData) => Promise<ActionResult<T>>;

export const REQUEST_KINDS = [
  { value: "label", label: "A label grant (read labelled columns)" },
  { value: "privileges", label: "Privileges on an object" },
  { value: "package", label: "Read on an installed package" },
  { value: "role", label: "Membership of a role" },
  { value: "extension", label: "Extend a grant expiring within 14 days" },
] as const;

const OBJECT_TYPES = ["Table", "View", "Function", "Resource", "Instance", "Project"].map((type) => ({
  value: type,
  label: type,
}));

export type RequestDefaults = Partial<
  Record<
    | "kind"
    | "objectType"
    | "objectName"
    | "privileges"
    | "columns"
    | "table"
    | "level"
    | "package"
    | "role"
    | "grantId"
    | "reason"
    | "days",
    string
  >
>;

interface RequestFormProps {
  project: string;
  defaults: RequestDefaults;
  /** The project's default durations and maximum, for the hint. */
  durations: { defaultDays: number; labelDefaultDays: number; maxDays: number };
  previewAction: FormAction<RequestPreview>;
  createAction: FormAction<RequestView>;
}

/**
 * Asks for access in one project. "Preview" asks the engine what the request would change (today's decision,
 * layer by layer, and the decision with the grant) before "Send request" files it.
 */
export function RequestForm({ project, defaults, durations, previewAction, createAction }: RequestFormProps) {
  const [kind, setKind] = useState<string>(defaults.kind ?? "label");
  // React resets a form after its action runs, a successful preview included: the fields come back from what
  // was last submitted, so "Send request" sends what was previewed.
  const [submitted, setSubmitted] = useState<Record<string, string>>({});
  const remembering =
    <T,>(action: FormAction<T>): FormAction<T> =>
    (state, formData) => {
      setSubmitted(
        Object.fromEntries(
          [...formData.entries()].filter((entry): entry is [string, string] => typeof entry[1] === "string"),
        ),
      );
      return action(state, formData);
    };
  const [preview, runPreview, previewing] = useActionState(remembering(previewAction), null);
  const [created, create, creating] = useActionState(remembering(createAction), null);
  const last = created ?? preview;
  const value = (name: keyof RequestDefaults) => submitted[name] ?? fieldValue(last, name, defaults[name]);
  const error = (name: string) => fieldError(created?.ok === false ? created : preview, name);
  if (created?.ok && created.data) {
    return (
      <Alert tone="success" title="Request sent">
        Your request for {created.data.summary} in {created.data.project} awaits its approvers.{" "}
        <Link href="/requests" className="underline">
          Follow it on the Requests page
        </Link>
        .
      </Alert>
    );
  }
  return (
    <div className="grid gap-6">
      <form className="grid gap-4" aria-label="Ask for access">
        <FormError state={created?.ok === false ? created : preview} />
        <input type="hidden" name="project" value={project} />
        <Select
          label="What do you need?"
          name="kind"
          options={REQUEST_KINDS}
          value={kind}
          onChange={(event) => setKind(event.target.value)}
        />
        {kind === "privileges" ? (
          <div className="grid gap-3 sm:grid-cols-2">
            <Select
              label="Object type"
              name="objectType"
              options={OBJECT_TYPES}
              defaultValue={value("objectType") ?? "Table"}
              error={error("objectType")}
            />
            <TextInput
              label="Object name"
              name="objectName"
              defaultValue={value("objectName")}
              error={error("objectName")}
            />
            <TextInput
              label="Privileges"
              name="privileges"
              hint="Such as Select or Describe; several separated by commas are asked one by one."
              defaultValue={value("privileges") ?? "Select"}
              error={error("privileges")}
              required
            />
            <TextInput
              label="Columns (optional)"
              name="columns"
              hint="Comma-separated; Select and Download only."
              defaultValue={value("columns")}
              error={error("columns")}
            />
          </div>
        ) : null}
        {kind === "label" ? (
          <div className="grid gap-3 sm:grid-cols-3">
            <TextInput label="Table" name="table" defaultValue={value("table")} error={error("table")} required />
            <TextInput
              label="Columns (optional)"
              name="columns"
              hint="Comma-separated; empty = the table."
              defaultValue={value("columns")}
              error={error("columns")}
            />
            <TextInput
              label="Level"
              name="level"
              type="number"
              min={1}
              max={9}
              defaultValue={value("level") ?? "2"}
              error={error("level")}
              required
            />
          </div>
        ) : null}
        {kind === "package" ? (
          <TextInput
            label="Installed package"
            name="package"
            hint="owner_project.package, as the installed packages list names it."
            defaultValue={value("package")}
            error={error("package")}
            required
          />
        ) : null}
        {kind === "role" ? (
          <TextInput label="Role" name="role" defaultValue={value("role")} error={error("role")} required />
        ) : null}
        {kind === "extension" ? (
          <TextInput
            label="Grant id"
            name="grantId"
            hint="The id of your grant, as My access or the request's history shows it."
            defaultValue={value("grantId")}
            error={error("grantId")}
            required
          />
        ) : null}
        <Textarea
          label="Reason"
          name="reason"
          rows={3}
          maxLength={1000}
          defaultValue={value("reason")}
          error={error("reason")}
          required
        />
        {kind === "role" ? (
          <p className="text-sm text-slate-600">A role is held until an administrator revokes it.</p>
        ) : (
          <TextInput
            label="Days"
            name="days"
            type="number"
            min={1}
            max={durations.maxDays}
            hint={`Empty: ${kind === "label" ? durations.labelDefaultDays : durations.defaultDays} days; at most ${durations.maxDays}.`}
            defaultValue={value("days")}
            error={error("days")}
            className="max-w-40"
          />
        )}
        <div className="flex gap-2">
          <Button type="submit" formAction={runPreview} loading={previewing} disabled={creating}>
            Preview
          </Button>
          <Button type="submit" variant="primary" formAction={create} loading={creating} disabled={previewing}>
            Send request
          </Button>
        </div>
      </form>
      {preview?.ok && preview.data ? <RequestPreviewView preview={preview.data} /> : null}
    </div>
  );
}
