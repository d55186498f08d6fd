import { Alert } from "@/components/ui/Alert";

export function AdministratorsOnly({ reason }: { reason: string }) {
  return (
    <Alert tone="info" title="Administrators only">
      {reason} Pick a project you own or administer.
    </Alert>
  );
}
