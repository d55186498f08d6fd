import { describe, expect, it } from "vitest";
import { rawDriver } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { recordApproval } from "@/lib/services/requests/approve-request";
import { parsePayload } from "@/lib/services/requests/support/request-payload";
import { requireTarget } from "@/lib/services/requests/support/request-target";
import { visibleRequest } from "@/lib/services/requests/support/visible-request";
import { contextFor, demoDatabase } from "../helpers/test-database";

const ROUNDS = 100;
const APPROVERS_AT_ONCE = 100;
const POOL_SIZE = 30;

// PGlite is one connection: the race needs a real server (npm run test:pg).
describe.skipIf(!process.env.DATABASE_URL)("100 approvals of one request at once, 100 times over (PostgreSQL)", () => {
  it("each request is granted exactly once, with one approval and one approval event; the others get CONFLICT", async () => {
    const prisma = await demoDatabase();
    const driver = rawDriver();
    // pg.Pool reads `max` when a client is needed: widen it so the approvers really run side by side.
    if (driver.kind === "pg") (driver.pool.options as { max: number }).max = POOL_SIZE;
    const project = await prisma.project.findUniqueOrThrow({ where: { name: "WonderLand" } });
    const allen = await prisma.user.findUniqueOrThrow({ where: { email: "allen@wonderland.example" } });
    const table = await prisma.catalogObject.findFirstOrThrow({
      where: { projectId: project.id, name: "user_profile" },
    });
    const columns = (await prisma.column.findMany({ where: { objectId: table.id }, orderBy: { position: "asc" } })).map(
      (column) => column.name,
    );
    expect(columns.length).toBeGreaterThanOrEqual(ROUNDS);
    const approvers = [await contextFor("alice@wonderland.example"), await contextFor("bob@wonderland.example")];

    for (let round = 0; round < ROUNDS; round++) {
      // A fresh request each round, on a column of its own, so each round's grant is a row of its own.
      const column = columns[round]!;
      const request = await prisma.accessRequest.create({
        data: {
          tenantId: project.tenantId,
          projectId: project.id,
          requesterId: allen.id,
          kind: "LABEL",
          payload: { objectType: "Table", table: "user_profile", columns: [column], level: 3 },
          reason: `race ${round}`,
          days: 7,
          pendingUntil: new Date(Date.now() + 86_400_000),
        },
      });
      // The checks before the lock (visibility, approver, the engine's "could you grant it") are the service's,
      // resolved once a round; the race is over what follows: the row lock, the count, the grant, the audit.
      const checked = await Promise.all(
        approvers.map(async (ctx) => {
          const { row, project } = await visibleRequest(ctx, request.id);
          return { row, project, target: requireTarget(project, parsePayload(row.kind, row.payload)) };
        }),
      );
      const outcomes = await Promise.all(
        Array.from({ length: APPROVERS_AT_ONCE }, (_, i) =>
          recordApproval(approvers[i % approvers.length]!, checked[i % approvers.length]!, "").then(
            () => "ok",
            (error: unknown) => (error instanceof AppError ? error.code : String(error)),
          ),
        ),
      );
      const tally = outcomes.reduce<Record<string, number>>((counts, outcome) => {
        counts[outcome] = (counts[outcome] ?? 0) + 1;
        return counts;
      }, {});
      expect(tally, `round ${round}`).toEqual({ ok: 1, CONFLICT: APPROVERS_AT_ONCE - 1 });
      const [grants, approvals, events, row] = await Promise.all([
        prisma.labelGrant.count({
          where: { granteeUserId: allen.id, objectId: table.id, columns: { equals: [column] } },
        }),
        prisma.approval.count({ where: { requestId: request.id } }),
        prisma.auditEvent.count({ where: { action: "request.approve", targetId: request.id, result: "SUCCESS" } }),
        prisma.accessRequest.findUniqueOrThrow({ where: { id: request.id } }),
      ]);
      expect({ grants, approvals, events, status: row.status }, `round ${round}`).toEqual({
        grants: 1,
        approvals: 1,
        events: 1,
        status: "APPROVED",
      });
    }
  }, 300_000);
});
