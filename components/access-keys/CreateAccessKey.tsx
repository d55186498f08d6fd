"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { TextInput } from "@/components/ui/TextInput";
import { toast } from "@/components/ui/toast";
import { callAccessKeyApi, type ApiError } from "./access-key-api";

type Created = { id: string; secret: string; createdAt: string };

/**
 * Creates an AccessKey (POST /api/v1/me/access-keys) and shows its secret this once, with a copy button:
 * no later answer holds it, so leaving the page loses it for good.
 */
export function CreateAccessKey({ atLimit }: { atLimit: string | null }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [created, setCreated] = useState<Created | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const description = String(new FormData(event.currentTarget).get("description") ?? "");
    setPending(true);
    const result = await callAccessKeyApi<Created>("POST", "/api/v1/me/access-keys", { description });
    setPending(false);
    if (!result.ok) return setError(result.error);
    setError(null);
    setCreated(result.data);
    router.refresh();
  }

  async function copy(secret: string) {
    try {
      await navigator.clipboard.writeText(secret);
      toast("Secret copied", { tone: "success" });
    } catch {
      toast("Copying was refused by the browser: select the secret and copy it by hand.", { tone: "danger" });
    }
  }

  if (created) {
    return (
      <div className="grid gap-3">
        <Alert tone="warn" title="Copy the secret now" role="status">
          It is shown this once. Store it where your scripts read it (for example ALIBABA_CLOUD_ACCESS_KEY_SECRET).
        </Alert>
        <dl className="grid gap-2 text-sm">
          <dt className="font-medium text-slate-800">AccessKey ID</dt>
          <dd>
            <code className="break-all">{created.id}</code>
          </dd>
          <dt className="font-medium text-slate-800">AccessKey secret</dt>
          <dd>
            <code className="break-all" data-testid="access-key-secret">
              {created.secret}
            </code>
          </dd>
        </dl>
        <div className="flex flex-wrap gap-2">
          <Button variant="primary" onClick={() => copy(created.secret)}>
            Copy secret
          </Button>
          <Button onClick={() => setCreated(null)}>I have stored it</Button>
        </div>
      </div>
    );
  }

  return (
    <form onSubmit={submit} className="grid gap-3" noValidate>
      {atLimit ? <p className="text-sm text-slate-600">{atLimit}</p> : null}
      <TextInput
        label="Description"
        name="description"
        hint="What the key is for, e.g. the nightly export job."
        error={error?.fieldErrors?.description?.[0]}
      />
      {error && !error.fieldErrors ? (
        <p role="alert" className="text-sm text-danger-700">
          {error.message}
        </p>
      ) : null}
      <div>
        <Button type="submit" variant="primary" loading={pending} disabled={Boolean(atLimit)}>
          Create AccessKey
        </Button>
      </div>
    </form>
  );
}
