import { prisma } from "@/lib/db/client";
import { recordAuditEvent, type AuditWho } from "@/lib/audit/record-audit-event";
import { rewrapDataKey } from "@/lib/access-keys/secret-envelope";
import { currentMasterKey } from "@/lib/access-keys/master-key";
import type { RequestMeta } from "@/lib/context/service-context";
import { AppError } from "@/lib/errors";
import { principalName } from "@/lib/identity/principal-name";
import {
  ensureRoomForActiveKey,
  issueAccessKey,
  lockKeyOwner,
  type IssuedAccessKey,
} from "./support/access-key-records";

/**
 * A new AccessKey for a user, made on the server's command line (`npm run cli -- access-key create --user`):
 * for automation that has no console session to make one with. Whoever holds the server's shell holds its
 * database already; the audit row names them (CLI) and the user, never the secret. Same limits as the console.
 * `login`: the user's email, or their principal (ALIYUN$<email>, RAM$<account>:<name>).
 */
export async function issueAccessKeyOnCommandLine(
  who: AuditWho,
  request: RequestMeta,
  login: string,
  description = "",
): Promise<IssuedAccessKey & { user: string }> {
  const user = await userByLogin(login.trim());
  if (!user) throw new AppError("NOT_FOUND", `No enabled user signs in as ${login}.`);
  const principal = principalName({
    kind: user.kind,
    email: user.email,
    name: user.name,
    tenantName: user.tenant.name,
  });
  return prisma.$transaction(async (tx) => {
    await lockKeyOwner(tx, user.id);
    await ensureRoomForActiveKey(tx, user.id, { newKey: true });
    const key = await issueAccessKey(tx, user.id, description.slice(0, 200));
    await recordAuditEvent(tx, { ...who, tenantId: user.tenantId }, request, {
      action: "access-key.create",
      target: { type: "ACCESS_KEY", id: key.id, name: principal },
      after: { status: "ACTIVE", description, user: principal },
      reason: "created on the command line",
    });
    return { ...key, user: principal };
  });
}

/**
 * Re-wraps every key's data key under the current master key (`npm run cli -- access-key rewrap`), after the
 * master key was rotated; the secrets' own ciphertexts do not change. Audited as one event.
 */
export async function rewrapAccessKeys(who: AuditWho, request: RequestMeta): Promise<{ rewrapped: number }> {
  const version = currentMasterKey().version;
  return prisma.$transaction(async (tx) => {
    const stale = await tx.accessKey.findMany({
      where: { keyVersion: { not: version } },
      select: { id: true, wrappedDataKey: true, keyVersion: true },
    });
    for (const key of stale) {
      await tx.accessKey.update({ where: { id: key.id }, data: rewrapDataKey(key.id, key) });
    }
    await recordAuditEvent(tx, who, request, {
      action: "access-key.rewrap",
      after: { masterKeyVersion: version, rewrapped: stale.length },
    });
    return { rewrapped: stale.length };
  });
}

async function userByLogin(login: string) {
  const include = { tenant: true } as const;
  const enabled = { disabled: false, tenant: { disabled: false } };
  const upper = login.toUpperCase();
  if (upper.startsWith("RAM$")) {
    const [tenantName, name] = login.slice(4).split(":");
    if (!tenantName || !name) return null;
    return prisma.user.findFirst({
      where: {
        ...enabled,
        kind: "SUB",
        name: { equals: name, mode: "insensitive" },
        tenant: { disabled: false, name: { equals: tenantName, mode: "insensitive" } },
      },
      include,
    });
  }
  const email = upper.startsWith("ALIYUN$") ? login.slice(7) : login;
  return prisma.user.findFirst({ where: { ...enabled, email: { equals: email, mode: "insensitive" } }, include });
}
