import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * The engine's `administers` rule (lib/authz/admin/administers.ts) as a filter on projects, for questions the
 * database answers over many projects at once (e.g. "does the actor administer any?"): the projects the user
 * administers — as their owner, or as an active member holding Super_Administrator or Admin — while not
 * disabled. INVARIANT: says exactly what `administers` says; tests/authorize/administers-where.test.ts
 * compares the two on every demo user and project.
 */
export function administersWhere(userId: string): Prisma.ProjectWhereInput {
  return {
    OR: [
      { ownerId: userId, owner: { disabled: false } },
      {
        members: { some: { userId, removedAt: null, user: { is: { disabled: false } } } },
        roles: { some: { kind: { in: ["SUPER_ADMINISTRATOR", "ADMIN"] }, assignments: { some: { userId } } } },
      },
    ],
  };
}
