import { z } from "zod";
import { prisma } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import { AppError } from "@/lib/errors";
import type { ServiceContext } from "@/lib/context/service-context";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import { auditedTransaction } from "@/lib/services/audited-transaction";
import { hashPassword } from "@/lib/auth/password";
import { passwordProblem } from "@/lib/auth/password-policy";
import { principalName } from "@/lib/identity/principal-name";
import { authorizeTenant } from "@/lib/authorize/authorize-tenant";

export const createSubAccountInput = z.object({
  name: z
    .string()
    .trim()
    .regex(
      /^[a-z][a-z0-9._-]{1,63}$/,
      "Use 2–64 lower-case letters, digits, dots, dashes or underscores, starting with a letter.",
    ),
  email: z.string().trim().toLowerCase().email("Enter an email address.").max(320),
  displayName: z.string().trim().min(1, "Enter the person's name.").max(100),
  password: z.string(),
});

/** Creates a RAM sub-account (RAM$<account>:<name>) of the actor's account with an initial password. */
export async function createSubAccount(ctx: ServiceContext, input: z.output<typeof createSubAccountInput>) {
  authorizeTenant(ctx, { kind: "CreateSubAccount" });
  const weak = passwordProblem(input.password, { email: input.email, name: input.name });
  if (weak) throw new AppError("INVALID_INPUT", weak, { password: [weak] });
  const [sameName, sameEmail] = await Promise.all([
    prisma.user.findFirst({ where: { tenantId: ctx.actor.tenantId, name: input.name }, select: { id: true } }),
    prisma.user.findUnique({ where: { email: input.email }, select: { id: true } }),
  ]);
  if (sameName)
    throw new AppError("CONFLICT", "That name is taken.", {
      name: ["This account already has a sub-account with this name."],
    });
  if (sameEmail)
    throw new AppError("CONFLICT", "That email is taken.", {
      email: ["Another user already signs in with this email."],
    });

  const passwordHash = await hashPassword(input.password);
  return auditedTransaction(
    ctx,
    async (tx) => {
      const user = await tx.user.create({
        data: {
          tenantId: ctx.actor.tenantId,
          kind: "SUB",
          name: input.name,
          email: input.email,
          displayName: input.displayName,
          passwordHash,
        },
        select: { id: true, name: true, email: true, displayName: true },
      });
      return {
        ...user,
        principal: principalName({ kind: "SUB", email: user.email, name: user.name, tenantName: ctx.actor.tenantName }),
      };
    },
    (user) => ({
      action: "user.create",
      target: { type: "USER", id: user.id, name: user.principal },
      after: { name: user.name, email: user.email, displayName: user.displayName },
    }),
  ).catch((error: unknown) => {
    // The checks above race with a concurrent create: the unique constraints settle it.
    if (isUniqueViolation(error))
      throw new AppError("CONFLICT", "That name or email was taken a moment ago. Try again.");
    throw error;
  });
}

export const createSubAccountEndpoint = defineEndpoint({
  name: "user.create",
  input: createSubAccountInput,
  permission: "tenant.manage",
  secretFields: ["password"],
  run: createSubAccount,
});
