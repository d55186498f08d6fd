"use client";

import { useActionState, useCallback, useEffect, useId, useRef, useState, type ReactNode, type RefObject } from "react";
import type { ActionResult, ActionState } from "./action-result";
import { Button, type ButtonSize, type ButtonVariant } from "./Button";
import { controlClasses } from "./field-styles";
import { trapTab } from "./focus-trap";
import { FormError } from "./FormError";
import { SubmitButton } from "./SubmitButton";
import { toast } from "./toast";

type ConfirmDialogProps<T> = {
  /** Label of the button that opens the dialog. */
  triggerLabel: ReactNode;
  triggerVariant?: ButtonVariant;
  triggerSize?: ButtonSize;
  title: string;
  /** The consequences, in plain words: what is removed, who loses access, whether it can be undone. */
  children?: ReactNode;
  confirmLabel: string;
  /** Use "primary" for confirmations that are not destructive. */
  confirmVariant?: "danger" | "primary";
  /** When set, the user must type this (e.g. the project name) before confirming; it is submitted as "confirmation". */
  requireTyping?: string;
  /** A server action; on { ok: true } the dialog closes and successMessage is toasted. */
  action: (state: ActionState<T>, formData: FormData) => Promise<ActionResult<T>>;
  /** Submitted as hidden inputs, e.g. { projectId }. */
  fields?: Record<string, string>;
  successMessage?: string;
};

/** A confirmation step for destructive actions, in a native modal <dialog>. */
export function ConfirmDialog<T>({
  triggerLabel,
  triggerVariant = "danger",
  triggerSize,
  ...formProps
}: ConfirmDialogProps<T>) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const pendingRef = useRef(false);
  const [open, setOpen] = useState(false);
  const titleId = useId();
  const descriptionId = useId();
  const close = useCallback(() => dialogRef.current?.close(), []);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog || !open || dialog.open) return;
    dialog.showModal();
    dialog.querySelector<HTMLElement>("[data-autofocus]")?.focus();
  }, [open]);

  return (
    <>
      <Button
        ref={triggerRef}
        variant={triggerVariant}
        size={triggerSize}
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
      >
        {triggerLabel}
      </Button>
      <dialog
        ref={dialogRef}
        aria-labelledby={titleId}
        aria-describedby={formProps.children ? descriptionId : undefined}
        onCancel={(event) => {
          // Escape must not hide a request that is still running; its result would be lost.
          if (pendingRef.current) event.preventDefault();
        }}
        onClose={() => {
          setOpen(false);
          triggerRef.current?.focus();
        }}
        onKeyDown={trapTab}
        className="m-auto w-[calc(100%-2rem)] max-w-md rounded-lg bg-white p-0 text-left text-slate-900 shadow-xl backdrop:bg-slate-900/40"
      >
        {open ? (
          <ConfirmForm
            {...formProps}
            titleId={titleId}
            descriptionId={descriptionId}
            pendingRef={pendingRef}
            onDone={close}
          />
        ) : null}
      </dialog>
    </>
  );
}

type ConfirmFormProps<T> = Omit<ConfirmDialogProps<T>, "triggerLabel" | "triggerVariant" | "triggerSize"> & {
  titleId: string;
  descriptionId: string;
  pendingRef: RefObject<boolean>;
  onDone: () => void;
};

function ConfirmForm<T>({
  title,
  children,
  confirmLabel,
  confirmVariant = "danger",
  requireTyping,
  action,
  fields,
  successMessage,
  titleId,
  descriptionId,
  pendingRef,
  onDone,
}: ConfirmFormProps<T>) {
  const [state, formAction, pending] = useActionState(async (previous: ActionState<T>, formData: FormData) => {
    const result = await action(previous, formData);
    // Toast here, not in an effect: a successful delete often unmounts this very dialog (its row is gone).
    if (result.ok && successMessage) toast(successMessage, { tone: "success" });
    return result;
  }, null);
  const [typed, setTyped] = useState("");
  const typingId = useId();

  useEffect(() => {
    pendingRef.current = pending;
  }, [pending, pendingRef]);

  useEffect(() => {
    if (state?.ok) onDone();
  }, [state, onDone]);

  const confirmed = requireTyping === undefined || typed === requireTyping;
  return (
    <form action={formAction} className="grid gap-4 p-5">
      <h2 id={titleId} className="text-base font-semibold">
        {title}
      </h2>
      {children ? (
        <div id={descriptionId} className="grid gap-2 text-sm text-slate-600">
          {children}
        </div>
      ) : null}
      <FormError state={state} />
      {Object.entries(fields ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {requireTyping !== undefined ? (
        <div className="grid gap-1.5">
          <label htmlFor={typingId} className="text-sm text-slate-700">
            Type <strong className="font-mono font-semibold text-slate-900 select-all">{requireTyping}</strong> to
            confirm.
          </label>
          <input
            id={typingId}
            name="confirmation"
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            data-autofocus
            className={controlClasses("h-9 font-mono")}
          />
        </div>
      ) : null}
      <div className="mt-1 flex justify-end gap-2">
        <Button
          variant="secondary"
          onClick={onDone}
          disabled={pending}
          data-autofocus={requireTyping === undefined ? true : undefined}
        >
          Cancel
        </Button>
        <SubmitButton variant={confirmVariant} disabled={!confirmed}>
          {confirmLabel}
        </SubmitButton>
      </div>
    </form>
  );
}
