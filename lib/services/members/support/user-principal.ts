import type { UserKind } from "@/lib/generated/prisma/enums";
import { principalName } from "@/lib/identity/principal-name";

/** The principal of a user row loaded with its tenant's name. */
export function principalOfUser(user: {
  kind: UserKind;
  email: string;
  name: string;
  tenant: { name: string };
}): string {
  return principalName({ kind: user.kind, email: user.email, name: user.name, tenantName: user.tenant.name });
}
