"use client";

import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { PasswordInput } from "@/components/ui/PasswordInput";
import { TextInput } from "@/components/ui/TextInput";
import { signInErrorMessage } from "@/lib/auth/sign-in-errors";

export function LoginForm() {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signIn("credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      redirect: false,
    });
    if (result?.ok && !result.error) {
      // A full navigation, so no prefetched pre-login redirect can bounce the user back here.
      window.location.assign("/");
      return;
    }
    setPending(false);
    setError(signInErrorMessage(result?.error ?? "CredentialsSignin"));
  }

  return (
    <Card>
      <form onSubmit={submit} className="grid gap-4" noValidate>
        {error ? <Alert tone="danger" role="alert" title={error} /> : null}
        <TextInput label="Email" name="email" type="email" autoComplete="username" required autoFocus />
        <PasswordInput label="Password" name="password" required />
        <Button type="submit" variant="primary" loading={pending}>
          Sign in
        </Button>
      </form>
    </Card>
  );
}
