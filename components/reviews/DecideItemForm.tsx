"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/Button";
import { FormError } from "@/components/ui/FormError";
import { TextInput } from "@/components/ui/TextInput";
import type { ActionResult, ActionState } from "@/components/ui/action-result";
import { toast } from "@/components/ui/toast";

type DecisionAction = (state: ActionState<unknown>, formData: FormData) => Promise<ActionResult<unknown>>;

const OUTCOME_TEXT: Record<string, string> = {
  KEPT: "Grant kept",
  REVOKED: "Grant revoked",
  GONE: "Recorded: the grant had been removed already",
  CHANGED: "Recorded: the grant had changed since the start, so it was left alone",
};

/** Keep or revoke one item of a review, with a comment. */
export function DecideItemForm({
  project,
  review,
  item,
  summary,
  action,
}: {
  project: string;
  review: string;
  item: string;
  summary: string;
  action: DecisionAction;
}) {
  const [state, submit, pending] = useActionState(async (previous: ActionState<unknown>, formData: FormData) => {
    const result = await action(previous, formData);
    if (result.ok) {
      const outcome = (result.data as { outcome?: string } | undefined)?.outcome ?? "";
      toast(OUTCOME_TEXT[outcome] ?? "Decided", { tone: "success" });
    }
    return result;
  }, null);
  return (
    <form action={submit} className="grid min-w-56 gap-2" aria-label={`Decide ${summary}`}>
      <FormError state={state} />
      <input type="hidden" name="project" value={project} />
      <input type="hidden" name="review" value={review} />
      <input type="hidden" name="item" value={item} />
      <TextInput label="Comment" name="comment" maxLength={1000} />
      <div className="flex gap-2">
        <Button type="submit" size="sm" variant="primary" name="decision" value="keep" loading={pending}>
          Keep
        </Button>
        <Button type="submit" size="sm" variant="danger" name="decision" value="revoke" disabled={pending}>
          Revoke
        </Button>
      </div>
    </form>
  );
}
