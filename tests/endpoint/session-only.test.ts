import { describe, expect, it } from "vitest";
import { changePasswordEndpoint } from "@/lib/services/auth/change-password";
import { signOutEverywhereEndpoint } from "@/lib/services/auth/sign-out-everywhere";
import { runEndpoint } from "@/lib/endpoint/run-endpoint";
import type { Actor } from "@/lib/context/service-context";
import type { AnyEndpoint } from "../helpers/refusal-table";
import { contextFor, demoDatabase, requestMeta } from "../helpers/test-database";

const prisma = await demoDatabase();

/** The same user as a console session has them, but arriving through the signed door. */
const viaAccessKey = async (email: string): Promise<Actor> => ({
  ...(await contextFor(email)).actor,
  via: "access-key",
});

const SESSION_ONLY: { endpoint: AnyEndpoint; input: Record<string, unknown> }[] = [
  {
    endpoint: changePasswordEndpoint,
    input: { currentPassword: "correct-horse-battery", newPassword: "a-long-enough-probe-passphrase" },
  },
  { endpoint: signOutEverywhereEndpoint, input: {} },
];

describe("operations on the console's own sign-in answer only a console session", () => {
  for (const { endpoint, input } of SESSION_ONLY) {
    it(`${endpoint.name}: an AccessKey caller is refused (FORBIDDEN, audited), nothing changes`, async () => {
      expect(endpoint.sessionOnly).toEqual(expect.any(String));
      const actor = await viaAccessKey("allen@wonderland.example");
      const before = await prisma.user.findUniqueOrThrow({ where: { id: actor.userId } });
      const openSessions = await prisma.userSession.count({ where: { userId: actor.userId, revokedAt: null } });
      const last = await prisma.auditEvent.findFirst({ orderBy: { id: "desc" }, select: { id: true } });

      const result = await runEndpoint(endpoint, actor, requestMeta(), input);

      expect(result).toMatchObject({ ok: false, error: { code: "FORBIDDEN", message: /console session/ } });
      const rows = await prisma.auditEvent.findMany({ where: { id: { gt: last?.id ?? 0n } } });
      expect(rows).toEqual([
        expect.objectContaining({ action: endpoint.name, result: "DENIED", actorType: "ACCESS_KEY" }),
      ]);
      const after = await prisma.user.findUniqueOrThrow({ where: { id: actor.userId } });
      expect(after.passwordHash).toBe(before.passwordHash);
      expect(await prisma.userSession.count({ where: { userId: actor.userId, revokedAt: null } })).toBe(openSessions);
    });
  }

  it("the same call from a console session goes through (positive control)", async () => {
    const { actor } = await contextFor("allen@wonderland.example");
    const result = await runEndpoint(signOutEverywhereEndpoint, actor, requestMeta(), {});
    expect(result.ok).toBe(true);
    expect(await prisma.userSession.count({ where: { userId: actor.userId, revokedAt: null } })).toBe(0);
  });
});
