import { z } from "zod";
import { prisma } from "@/lib/db/client";
import { recordAuditEvent, type AuditWho } from "@/lib/audit/record-audit-event";
import { generatePassword } from "@/lib/auth/generate-password";
import { hashPassword } from "@/lib/auth/password";
import { passwordProblem } from "@/lib/auth/password-policy";
import type { RequestMeta } from "@/lib/context/service-context";
import { AppError, toErrorBody } from "@/lib/errors";
import { principalName } from "@/lib/identity/principal-name";
import { PLATFORM_TENANT_NAME, platformTenant } from "@/lib/db/platform-tenant";

export const createOperatorInput = z.object({
  email: z.string().trim().toLowerCase().email("Enter an email address.").max(320),
  displayName: z.string().trim().min(1).max(100).default("Platform operator"),
  /** Typed by the person creating the operator; absent: one is generated and returned, once. */
  password: z.string().max(1024).optional(),
  /** A second operator is a deliberate act, never the side effect of running the first-run command twice. */
  another: z.boolean().default(false),
});

export interface CreatedOperator {
  id: string;
  email: string;
  principal: string;
  /** The generated password, to be shown once; null when the password was typed. */
  generatedPassword: string | null;
}

/** The audit log's name for a command run on the server (scripts/operator.ts): the OS user who ran it. */
export const commandLineActor = (osUser: string): AuditWho => ({
  tenantId: null,
  actorId: null,
  actorName: `command line (${osUser})`,
  actorType: "CLI",
});

/**
 * Creates a platform operator: the first-run path of a real deployment (the demo is not loaded there).
 * Refuses when an operator exists unless `another` is set. Audited, refusals too.
 */
export async function createOperator(
  who: AuditWho,
  request: RequestMeta,
  raw: z.input<typeof createOperatorInput>,
): Promise<CreatedOperator> {
  try {
    const parsed = createOperatorInput.safeParse(raw);
    if (!parsed.success) {
      const fieldErrors = z.flattenError(parsed.error).fieldErrors as Record<string, string[]>;
      throw new AppError("INVALID_INPUT", Object.values(fieldErrors).flat().join(" ") || "Invalid input.", fieldErrors);
    }
    const input = parsed.data;
    const generatedPassword = input.password === undefined ? generatePassword() : null;
    const password = input.password ?? generatedPassword!;
    const weak = passwordProblem(password, { email: input.email });
    if (weak) throw new AppError("INVALID_INPUT", weak, { password: [weak] });
    const passwordHash = await hashPassword(password);

    return await prisma.$transaction(async (tx) => {
      const tenant = await platformTenant(tx);
      // Concurrent first runs queue here, so "no operator yet" is decided once.
      await tx.$executeRaw`SELECT 1 FROM tenants WHERE id = ${tenant.id}::uuid FOR UPDATE`;
      const existing = await tx.user.findFirst({ where: { platformOperator: true }, select: { email: true } });
      if (existing && !input.another) {
        const message = `An operator exists already (${existing.email}); ask explicitly to add another.`;
        throw new AppError("CONFLICT", message);
      }
      if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
        throw new AppError("CONFLICT", "That email is taken.", {
          email: ["Another user already signs in with this email."],
        });
      }
      const user = await tx.user.create({
        data: {
          tenantId: tenant.id,
          kind: "PRIMARY",
          name: input.email,
          email: input.email,
          displayName: input.displayName,
          passwordHash,
          platformOperator: true,
        },
        select: { id: true, email: true },
      });
      const principal = principalName({
        kind: "PRIMARY",
        email: user.email,
        name: user.email,
        tenantName: PLATFORM_TENANT_NAME,
      });
      await recordAuditEvent(tx, who, request, {
        action: "operator.create",
        target: { type: "USER", id: user.id, name: principal },
        after: { email: user.email, displayName: input.displayName, platformOperator: true },
      });
      return { id: user.id, email: user.email, principal, generatedPassword };
    });
  } catch (error) {
    await auditRefusal(who, request, error);
    throw error;
  }
}

async function auditRefusal(who: AuditWho, request: RequestMeta, error: unknown): Promise<void> {
  const body = toErrorBody(error);
  await prisma.$transaction((tx) =>
    recordAuditEvent(tx, who, request, {
      action: "operator.create",
      result: body.code === "CONFLICT" ? "DENIED" : "FAILED",
      reason: `${body.code}: ${body.message}`,
    }),
  );
}
