"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/Button";
import { toast } from "@/components/ui/toast";
import { callAccessKeyApi } from "./access-key-api";

/**
 * Disable/enable and delete for one of the caller's keys (PATCH and DELETE /api/v1/me/access-keys/{id}), or,
 * with `account`, disable for a sub-account's key (PATCH /api/v1/account/access-keys/{id}). Deleting asks twice.
 */
export function AccessKeyActions({
  id,
  status,
  disabledByAdmin = false,
  account = false,
}: {
  id: string;
  status: "ACTIVE" | "DISABLED";
  /** An administrator's disabling is final for the owner: only Delete is offered. */
  disabledByAdmin?: boolean;
  account?: boolean;
}) {
  const router = useRouter();
  const [pending, setPending] = useState<string | null>(null);
  const [confirmingDelete, setConfirmingDelete] = useState(false);

  async function run(label: string, method: string, path: string, body: unknown, done: string) {
    setPending(label);
    const result = await callAccessKeyApi(method, path, body);
    setPending(null);
    if (!result.ok) return toast(result.error.message, { tone: "danger" });
    toast(done, { tone: "success" });
    router.refresh();
  }

  const base = account ? "/api/v1/account/access-keys" : "/api/v1/me/access-keys";
  const setStatus = (next: "ACTIVE" | "DISABLED") =>
    run(next, "PATCH", `${base}/${id}`, { status: next }, `${id} ${next === "ACTIVE" ? "enabled" : "disabled"}`);

  if (account) {
    return status === "ACTIVE" ? (
      <Button
        size="sm"
        variant="danger"
        loading={pending !== null}
        onClick={() => setStatus("DISABLED")}
        aria-label={`Disable ${id}`}
      >
        Disable
      </Button>
    ) : null;
  }
  if (confirmingDelete) {
    return (
      <span className="flex flex-wrap justify-end gap-2">
        <Button
          size="sm"
          variant="danger"
          loading={pending === "delete"}
          onClick={() => run("delete", "DELETE", `${base}/${id}`, {}, `${id} deleted`)}
          aria-label={`Confirm deleting ${id}: calls signed with it stop working`}
        >
          Confirm delete
        </Button>
        <Button size="sm" onClick={() => setConfirmingDelete(false)}>
          Cancel
        </Button>
      </span>
    );
  }
  return (
    <span className="flex flex-wrap justify-end gap-2">
      {disabledByAdmin ? null : (
        <Button
          size="sm"
          variant={status === "ACTIVE" ? "secondary" : "primary"}
          loading={pending === "ACTIVE" || pending === "DISABLED"}
          onClick={() => setStatus(status === "ACTIVE" ? "DISABLED" : "ACTIVE")}
          aria-label={`${status === "ACTIVE" ? "Disable" : "Enable"} ${id}`}
        >
          {status === "ACTIVE" ? "Disable" : "Enable"}
        </Button>
      )}
      <Button size="sm" variant="danger" onClick={() => setConfirmingDelete(true)} aria-label={`Delete ${id}`}>
        Delete
      </Button>
    </span>
  );
}
