import type { ServiceContext } from "@/lib/context/service-context";
import { AppError } from "@/lib/errors";
import { hashPassword } from "@/lib/auth/password";
import { passwordProblem } from "@/lib/auth/password-policy";
import { auditedTransaction } from "@/lib/services/audited-transaction";

/**
 * The one way a password is replaced, once the caller is authorized: checked against the password policy (the
 * problem reported at `field`), hashed, and stored with the session version bumped — every session of the user
 * ends on its next request — together with the audit event `action`.
 */
export async function replacePassword(
  ctx: ServiceContext,
  user: { id: string; email: string; name: string },
  password: string,
  { field, action }: { field: string; action: string },
) {
  const weak = passwordProblem(password, { email: user.email, name: user.name });
  if (weak) throw new AppError("INVALID_INPUT", weak, { [field]: [weak] });
  const passwordHash = await hashPassword(password);
  return auditedTransaction(
    ctx,
    (tx) =>
      tx.user.update({
        where: { id: user.id },
        data: { passwordHash, sessionVersion: { increment: 1 } },
        select: { id: true, email: true },
      }),
    (updated) => ({ action, target: { type: "USER", id: updated.id, name: updated.email } }),
  );
}
