import { Alert } from "@/components/ui/Alert";
import { Checkbox } from "@/components/ui/Checkbox";
import { lockoutWarning, type LockoutScope } from "@/lib/shared/whitelist-lockout";

/**
 * Shown when a whitelist change would leave the admin's own address outside the list: the consequence,
 * and the checkbox the server requires (`confirmLockout`) before it makes the change.
 */
export function LockoutConfirmation({
  sourceIp,
  error,
  scope = "project",
}: {
  sourceIp: string | null;
  error?: string | undefined;
  scope?: LockoutScope;
}) {
  return (
    <Alert tone="warn" title="You are about to lock yourself out">
      <p className="mb-2">
        {lockoutWarning(sourceIp, scope)} Only a request from an address in the list can change it back.
      </p>
      <Checkbox
        name="confirmLockout"
        value="true"
        label={`I understand I will lose access from ${sourceIp ?? "my current address"}`}
        error={error}
      />
    </Alert>
  );
}
