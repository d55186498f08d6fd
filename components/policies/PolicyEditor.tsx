"use client";

import { useActionState, useEffect, useId, useMemo, useRef, useState, useTransition } from "react";
import { parsePolicyDocument } from "@/lib/authz";
import type { DryRunResult } from "@/lib/services/policies/dry-run-policy";
import type { SavedPolicy } from "@/lib/services/policies/save-policy";
import type { AdminVerdict } from "@/lib/authorize/admin-verdict";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { DisabledReason } from "@/components/ui/DisabledReason";
import { Field } from "@/components/ui/Field";
import { FormError } from "@/components/ui/FormError";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { fieldError, type ActionState } from "@/components/ui/action-result";
import { toast } from "@/components/ui/toast";
import { MainWithAside } from "@/components/ui/MainWithAside";
import { ConditionReference } from "./ConditionReference";
import { DryRunReport } from "./DryRunReport";
import { JsonEditor } from "./JsonEditor";
import { PolicyProblems } from "./PolicyProblems";

type Action<T> = (state: ActionState<T>, formData: FormData) => Promise<ActionState<T>>;

type PolicyEditorProps = {
  project: string;
  role: string | null;
  scope: "project" | "role";
  /** The version the text was loaded from (0 = never saved); a save over a newer one is refused. */
  version: number;
  document: string;
  edit: AdminVerdict;
  saveAction: Action<SavedPolicy>;
  dryRunAction: Action<DryRunResult>;
};

/**
 * Edits a policy as JSON, validating as you type. Saving needs a dry run of exactly the text being saved,
 * so the administrator has seen who gains and who loses access before the change takes effect.
 */
export function PolicyEditor({
  project,
  role,
  scope,
  version,
  document,
  edit,
  saveAction,
  dryRunAction,
}: PolicyEditorProps) {
  const [text, setText] = useState(document);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const problemsId = useId();
  const parsed = useMemo(() => parsePolicyDocument(text, scope), [text, scope]);
  const [dryRun, setDryRun] = useState<{ text: string; state: ActionState<DryRunResult> } | null>(null);
  const [dryRunning, startDryRun] = useTransition();
  const [saveState, save] = useActionState(saveAction, null);

  useEffect(() => {
    if (saveState?.ok) {
      toast(`Saved version ${saveState.data?.version ?? ""} of the ${saveState.data?.label ?? "policy"}`, {
        tone: "success",
      });
      setDryRun(null);
    }
  }, [saveState]);

  const runDryRun = () =>
    startDryRun(async () => {
      const form = new FormData();
      form.set("project", project);
      if (role) form.set("role", role);
      form.set("document", text);
      setDryRun({ text, state: await dryRunAction(null, form) });
    });

  const insert = (snippet: string) => {
    const element = textarea.current;
    const start = element?.selectionStart ?? text.length;
    const end = element?.selectionEnd ?? start;
    setText(text.slice(0, start) + snippet + text.slice(end));
    requestAnimationFrame(() => {
      element?.focus();
      element?.setSelectionRange(start + snippet.length, start + snippet.length);
    });
  };

  const dryRunResult = dryRun?.text === text && dryRun.state?.ok ? dryRun.state.data : undefined;
  const dryRunError =
    dryRun?.text === text && dryRun.state && !dryRun.state.ok ? dryRun.state.error.message : undefined;
  const saveBlocker = !edit.allowed
    ? edit.reason
    : !parsed.ok
      ? "Fix the errors in the policy first."
      : !dryRunResult
        ? "Run the dry run first: it shows who gains and who loses access."
        : null;

  return (
    <MainWithAside
      asideWidth="narrow"
      aside={
        <Card title="Conditions" className="xl:sticky xl:top-4">
          <ConditionReference onInsert={edit.allowed ? insert : null} />
        </Card>
      }
    >
      <Card>
        <form action={save} className="grid gap-4" aria-label="Edit the policy">
          <FormError state={saveState} />
          <input type="hidden" name="project" value={project} />
          <input type="hidden" name="role" value={role ?? ""} />
          <input type="hidden" name="version" value={version} />
          <Field
            label="Policy document"
            error={fieldError(saveState, "document")}
            hint={
              scope === "project"
                ? "A project policy names a Principal in every statement."
                : "A role policy applies to the role's members; a Principal narrows them."
            }
          >
            {(control) => (
              <JsonEditor
                {...control}
                aria-describedby={[control["aria-describedby"], problemsId].filter(Boolean).join(" ")}
                aria-invalid={!parsed.ok || control["aria-invalid"] ? true : undefined}
                name="document"
                value={text}
                onChange={(event) => setText(event.target.value)}
                readOnly={!edit.allowed}
                textareaRef={textarea}
              />
            )}
          </Field>
          <PolicyProblems id={problemsId} result={parsed} />
          <div className="flex flex-wrap items-center gap-2">
            <Button onClick={runDryRun} loading={dryRunning} disabled={!parsed.ok}>
              Dry run
            </Button>
            {saveBlocker === null ? (
              <SubmitButton>Save version {version + 1}</SubmitButton>
            ) : (
              <DisabledReason variant="primary" reason={saveBlocker}>
                Save version {version + 1}
              </DisabledReason>
            )}
            {text !== document ? (
              <Button variant="ghost" onClick={() => setText(document)}>
                Discard changes
              </Button>
            ) : null}
          </div>
        </form>
      </Card>
      {dryRunError ? (
        <Alert tone="danger" role="alert" title="The dry run failed">
          {dryRunError}
        </Alert>
      ) : null}
      {dryRunResult ? (
        <Card
          title="Dry run"
          description="Every member and the owner, on every object of the project, with the current and with the proposed policy."
        >
          <DryRunReport result={dryRunResult} />
        </Card>
      ) : null}
    </MainWithAside>
  );
}
