import { z } from "zod";
import { prisma } from "@/lib/db/client";
import { generatePassword } from "@/lib/auth/generate-password";
import { hashPassword } from "@/lib/auth/password";
import { passwordProblem } from "@/lib/auth/password-policy";
import type { ServiceContext } from "@/lib/context/service-context";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import { AppError } from "@/lib/errors";
import { principalName } from "@/lib/identity/principal-name";
import { auditedTransaction } from "@/lib/services/audited-transaction";
import { PLATFORM_TENANT_NAME } from "@/lib/db/platform-tenant";
import { authorizeOperator } from "@/lib/authorize/authorize-operator";
import { tenantNameField } from "./support/tenant-fields";

export const createTenantInput = z.object({
  name: tenantNameField,
  displayName: z.string().trim().min(1, "Enter the organisation's name.").max(100),
  ownerEmail: z.string().trim().toLowerCase().email("Enter the owner's email address.").max(320),
  ownerDisplayName: z.string().trim().min(1, "Enter the owner's name.").max(100),
  /** Typed by the operator, or left empty: then one is generated and returned once. */
  ownerPassword: z
    .string()
    .max(1024)
    .optional()
    .transform((value) => (value ? value : undefined)),
});

export interface CreatedTenant {
  tenant: { id: string; name: string; displayName: string };
  owner: { id: string; email: string; principal: string };
  /** The generated initial password of the owner, to be shown once; null when the operator typed one. */
  generatedPassword: string | null;
}

/** Creates a customer's tenant with its first owner (the account's primary identity). Operator only. */
export async function createTenant(
  ctx: ServiceContext,
  input: z.output<typeof createTenantInput>,
): Promise<CreatedTenant> {
  await authorizeOperator(ctx);
  if (input.name === PLATFORM_TENANT_NAME) {
    throw new AppError("CONFLICT", "That name is reserved.", { name: ["The platform's own tenant has this name."] });
  }
  const generatedPassword = input.ownerPassword === undefined ? generatePassword() : null;
  const password = input.ownerPassword ?? generatedPassword!;
  const weak = passwordProblem(password, { email: input.ownerEmail });
  if (weak) throw new AppError("INVALID_INPUT", weak, { ownerPassword: [weak] });
  const [sameName, sameEmail] = await Promise.all([
    prisma.tenant.findUnique({ where: { name: input.name }, select: { id: true } }),
    prisma.user.findUnique({ where: { email: input.ownerEmail }, select: { id: true } }),
  ]);
  if (sameName) throw new AppError("CONFLICT", "That name is taken.", { name: ["Another tenant has this name."] });
  if (sameEmail) {
    throw new AppError("CONFLICT", "That email is taken.", {
      ownerEmail: ["Another user already signs in with this email."],
    });
  }
  const passwordHash = await hashPassword(password);

  return auditedTransaction(
    ctx,
    async (tx) => {
      const tenant = await tx.tenant.create({
        data: { name: input.name, displayName: input.displayName },
        select: { id: true, name: true, displayName: true },
      });
      const owner = await tx.user.create({
        data: {
          tenantId: tenant.id,
          kind: "PRIMARY",
          name: input.ownerEmail,
          email: input.ownerEmail,
          displayName: input.ownerDisplayName,
          passwordHash,
        },
        select: { id: true, email: true },
      });
      const principal = principalName({
        kind: "PRIMARY",
        email: owner.email,
        name: owner.email,
        tenantName: tenant.name,
      });
      return { tenant, owner: { ...owner, principal }, generatedPassword };
    },
    ({ tenant, owner }) => ({
      action: "operator.tenant.create",
      target: { type: "TENANT", id: tenant.id, name: tenant.name },
      concernsTenantId: tenant.id,
      // The password, typed or generated, is never written to the log.
      after: { name: tenant.name, displayName: tenant.displayName, owner: owner.email },
    }),
  );
}

export const createTenantEndpoint = defineEndpoint({
  name: "operator.tenant.create",
  input: createTenantInput,
  permission: "platform.operate",
  secretFields: ["ownerPassword"],
  run: createTenant,
});
