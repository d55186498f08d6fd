"use client";

import { useActionState, useEffect } from "react";
import { signOut } from "next-auth/react";
import { PasswordInput } from "@/components/ui/PasswordInput";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { fieldError, type ActionState } from "@/components/ui/action-result";
import { toast } from "@/components/ui/toast";

type AccountAction = (state: ActionState<unknown>, formData: FormData) => Promise<ActionState<unknown>>;

/**
 * The user's own account options beside "Sign out": change the password (asks for the current one) and
 * "Sign out everywhere". Both end this browser's session too, so each then signs out here.
 */
export function SessionMenu({
  changePassword,
  signOutEverywhere,
}: {
  changePassword: AccountAction;
  signOutEverywhere: AccountAction;
}) {
  const [passwordState, submitPassword] = useActionState(changePassword, null);
  const [everywhereState, submitEverywhere] = useActionState(signOutEverywhere, null);
  useEffect(() => {
    if (everywhereState?.ok || passwordState?.ok) void signOut({ callbackUrl: "/login" });
    else if (everywhereState) toast(everywhereState.error.message, { tone: "danger" });
  }, [everywhereState, passwordState]);
  const passwordError =
    passwordState && !passwordState.ok && !passwordState.error.fieldErrors ? passwordState.error.message : null;
  return (
    <details className="relative">
      <summary className="cursor-pointer list-none rounded-md px-2 py-1 text-sm text-slate-700 hover:bg-slate-100">
        Account
      </summary>
      <div className="absolute right-0 z-40 mt-2 grid w-72 gap-4 rounded-md border border-slate-200 bg-white p-3 text-sm shadow-lg">
        <form action={submitPassword} className="grid gap-2" aria-label="Change your password">
          <PasswordInput
            label="Current password"
            name="currentPassword"
            required
            error={fieldError(passwordState, "currentPassword")}
          />
          <PasswordInput
            label="New password"
            name="newPassword"
            required
            autoComplete="new-password"
            hint="At least 15 characters. You will sign in again."
            error={fieldError(passwordState, "newPassword")}
          />
          {passwordError ? (
            <p role="alert" className="text-red-700">
              {passwordError}
            </p>
          ) : null}
          <SubmitButton size="sm">Change password</SubmitButton>
        </form>
        <form action={submitEverywhere} className="grid gap-2 border-t border-slate-200 pt-3">
          <p className="text-slate-600">End your sessions in every browser, this one included.</p>
          <SubmitButton variant="danger" size="sm">
            Sign out everywhere
          </SubmitButton>
        </form>
      </div>
    </details>
  );
}
