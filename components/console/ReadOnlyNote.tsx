import { Alert } from "@/components/ui/Alert";

/** Shown on a project page the user reads as the account's auditor: they see everything and change nothing. */
export function ReadOnlyNote({ project }: { project: string }) {
  return (
    <Alert tone="info" title="Read-only: you are an auditor" className="mb-4">
      You read every project of your account, {project} included, and change nothing. Its owner and administrators make
      the changes; the audit log records them.
    </Alert>
  );
}
