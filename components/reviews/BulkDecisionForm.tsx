"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { FieldMessage } from "@/components/ui/Field";
import { TextInput } from "@/components/ui/TextInput";
import { fieldError, fieldValue, type ActionResult, type ActionState } from "@/components/ui/action-result";
import { toast } from "@/components/ui/toast";
import { useReviewItemSelection } from "./ReviewItemSelection";

type BulkDecisionAction = (state: ActionState<unknown>, formData: FormData) => Promise<ActionResult<unknown>>;

interface Decided {
  items: { id: string; decision: "KEEP" | "REVOKE"; outcome: string }[];
}

/** What a batch did, in one sentence: how many kept or revoked, and those that found their grant changed. */
function successText({ items }: Decided): string {
  const verb = items[0]?.decision === "KEEP" ? "Kept" : "Revoked";
  const stale = items.filter((item) => item.outcome === "GONE" || item.outcome === "CHANGED").length;
  return (
    `${verb} ${items.length} ${items.length === 1 ? "grant" : "grants"}.` +
    (stale > 0 ? ` ${stale} had been removed or changed since the start, so nothing was revoked for them.` : "")
  );
}

/**
 * Keep or revoke the selected items of a review at once, with one comment: the bulk decision endpoint, all or
 * nothing. Its refusals show at the selection (an item decided meanwhile, too many) or at the comment.
 */
export function BulkDecisionForm({
  project,
  review,
  maxItems,
  action,
}: {
  project: string;
  review: string;
  maxItems: number;
  action: BulkDecisionAction;
}) {
  const { selected, clear } = useReviewItemSelection();
  const [state, submit, pending] = useActionState(async (previous: ActionState<unknown>, formData: FormData) => {
    const result = await action(previous, formData);
    if (result.ok) {
      toast(successText(result.data as Decided), { tone: "success" });
      clear();
    }
    return result;
  }, null);
  const done = state?.ok ? successText(state.data as Decided) : "";
  const commentError = fieldError(state, "comment");
  // The selection's error, or any refusal that is not the comment's (not a reviewer, the review closed).
  const selectionError =
    fieldError(state, "items") ?? (state && !state.ok && !commentError ? state.error.message : undefined);
  const tooMany = selected.length > maxItems;
  const none = selected.length === 0;
  return (
    <form action={submit} aria-label="Decide the selected items" className="grid gap-3">
      <input type="hidden" name="project" value={project} />
      <input type="hidden" name="review" value={review} />
      {selected.map((id) => (
        <input key={id} type="hidden" name="items" value={id} />
      ))}
      <div className="flex flex-wrap items-end gap-3">
        <p className="min-w-28 pb-2 text-sm font-medium text-slate-800" aria-live="polite" data-testid="selected-count">
          {selected.length} selected
        </p>
        <TextInput
          label="Comment for the selected"
          name="comment"
          maxLength={1000}
          className="min-w-64 flex-1"
          defaultValue={fieldValue(state, "comment")}
          error={commentError}
        />
        <div className="flex gap-2 pb-0.5">
          <Button
            type="submit"
            variant="primary"
            name="decision"
            value="keep"
            loading={pending}
            disabled={none || tooMany}
          >
            Keep selected
          </Button>
          <Button type="submit" variant="danger" name="decision" value="revoke" disabled={pending || none || tooMany}>
            Revoke selected
          </Button>
        </div>
      </div>
      {tooMany ? <FieldMessage id={undefined}>{`Decide at most ${maxItems} items at once.`}</FieldMessage> : null}
      {selectionError ? (
        <Alert tone="danger" role="alert" title="Nothing was decided">
          {selectionError}
        </Alert>
      ) : null}
      {done ? <Alert tone="success" role="status" title={done} /> : null}
    </form>
  );
}
