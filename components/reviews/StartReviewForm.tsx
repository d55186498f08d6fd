"use client";

import Link from "next/link";
import { useActionState, useEffect } from "react";
import { FormError } from "@/components/ui/FormError";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { TextInput } from "@/components/ui/TextInput";
import { fieldError, fieldValue, type ActionState } from "@/components/ui/action-result";
import { toast } from "@/components/ui/toast";

type Started = { id: string; title: string; counts: { items: number } };
type StartAction = (state: ActionState<Started>, formData: FormData) => Promise<ActionState<Started>>;

/** Starts an access review of the project's grants (POST /api/v1/projects/{project}/reviews). */
export function StartReviewForm({ action, project }: { action: StartAction; project: string }) {
  const [state, submit] = useActionState(action, null);
  useEffect(() => {
    if (state?.ok && state.data)
      toast(`Review started: ${state.data.counts.items} grants to review`, { tone: "success" });
  }, [state]);
  const started = state?.ok ? state.data : undefined;
  return (
    <form action={submit} className="grid gap-4" aria-label="Start an access review">
      <FormError state={state} />
      {started ? (
        <p className="text-sm text-slate-700" role="status">
          <Link
            className="font-medium text-accent-700 underline"
            href={`/reviews/${started.id}?project=${encodeURIComponent(project)}`}
          >
            Open the review “{started.title}”
          </Link>{" "}
          ({started.counts.items} grants).
        </p>
      ) : null}
      <input type="hidden" name="project" value={project} />
      <TextInput
        label="Title"
        name="title"
        required
        maxLength={120}
        defaultValue={fieldValue(state, "title") ?? ""}
        error={fieldError(state, "title")}
        placeholder="Quarterly recertification"
      />
      <TextInput
        label="Days to decide"
        name="days"
        type="number"
        min={1}
        max={90}
        required
        defaultValue={fieldValue(state, "days") ?? "14"}
        error={fieldError(state, "days")}
        hint="1 to 90. At the deadline every grant nobody kept is revoked."
      />
      <TextInput
        label="Only the grants of (optional)"
        name="principal"
        maxLength={320}
        defaultValue={fieldValue(state, "principal") ?? ""}
        error={fieldError(state, "principal")}
        placeholder="allen@wonderland.example or a role name"
      />
      <TextInput
        label="Only objects whose name starts with (optional)"
        name="objectPrefix"
        maxLength={128}
        defaultValue={fieldValue(state, "objectPrefix") ?? ""}
        error={fieldError(state, "objectPrefix")}
        placeholder="ods_"
        inputClassName="font-mono"
      />
      <div>
        <SubmitButton>Start review</SubmitButton>
      </div>
    </form>
  );
}
