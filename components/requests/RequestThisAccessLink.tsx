import Link from "next/link";
import type { CheckAccessResult } from "@/lib/services/access/check-access";

/** From a denied Check access answer: the request form, prefilled with the object, privilege and columns. */
export function RequestThisAccessLink({
  project,
  request,
}: {
  project: string;
  request: CheckAccessResult["request"];
}) {
  const fields = new URLSearchParams({
    project,
    kind: "privileges",
    objectType: request.objectType,
    objectName: request.objectName,
    privileges: request.action,
    ...(request.columns ? { columns: request.columns.join(",") } : {}),
  });
  return (
    <p className="text-sm">
      <Link className="text-accent-700 underline" href={`/requests/new?${fields.toString()}`}>
        Ask for this access
      </Link>{" "}
      (a request of your own, decided by the project&apos;s approvers).
    </p>
  );
}
