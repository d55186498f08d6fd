import { describe, expect, it } from "vitest";
import { runExpiryJob } from "@/lib/services/requests/run-expiry-job";
import { demoDatabase } from "../helpers/test-database";

const prisma = await demoDatabase();
const DAY = 86_400_000;

const project = await prisma.project.findUniqueOrThrow({ where: { name: "WonderLand" } });
const allen = await prisma.user.findUniqueOrThrow({ where: { email: "allen@wonderland.example" } });
const table = await prisma.catalogObject.findFirstOrThrow({ where: { projectId: project.id, name: "sales_orders" } });

const auditsOf = (targetId: string, action: string) => prisma.auditEvent.count({ where: { targetId, action } });
const noticesOf = (kind: string) => prisma.notification.count({ where: { userId: allen.id, kind } });

describe("the expiry job: each expiry audited once, holders told 7 days and 1 day before", () => {
  it("expires an overdue pending request, records expired grants, sends each notice once however often it runs", async () => {
    const now = Date.now();
    const overdue = await prisma.accessRequest.create({
      data: {
        tenantId: project.tenantId,
        projectId: project.id,
        requesterId: allen.id,
        kind: "ACL",
        payload: { objectType: "Table", objectName: "sales_orders", columns: [], privileges: ["Select"] },
        reason: "overdue",
        pendingUntil: new Date(now - 1000),
      },
    });
    const stillPending = await prisma.accessRequest.create({
      data: {
        ...overdue,
        id: undefined,
        reason: "still pending",
        pendingUntil: new Date(now + DAY),
        payload: overdue.payload!,
      },
    });
    const grant = (expiresAt: number) =>
      prisma.aclGrant.create({
        data: {
          projectId: project.id,
          objectType: "TABLE",
          objectId: table.id,
          privilege: "Describe",
          granteeUserId: allen.id,
          expiresAt: new Date(expiresAt),
          grantedById: project.ownerId,
        },
      });
    const expired = await grant(now - 60_000);
    const inThreeDays = await grant(now + 3 * DAY);
    const inHalfADay = await grant(now + DAY / 2);
    const [expiringBefore, expiredBefore] = [await noticesOf("grant.expiring"), await noticesOf("grant.expired")];

    // Twice at once (as two instances would) and once more: every effect happens exactly once.
    await Promise.all([runExpiryJob(), runExpiryJob()]);
    const afterFirst = [await noticesOf("grant.expiring"), await noticesOf("grant.expired")];
    await runExpiryJob();
    expect([await noticesOf("grant.expiring"), await noticesOf("grant.expired")]).toEqual(afterFirst);

    expect((await prisma.accessRequest.findUniqueOrThrow({ where: { id: overdue.id } })).status).toBe("EXPIRED");
    expect((await prisma.accessRequest.findUniqueOrThrow({ where: { id: stillPending.id } })).status).toBe("PENDING");
    expect(await auditsOf(overdue.id, "request.expire")).toBe(1);
    expect(await auditsOf(expired.id, "grant.expire")).toBe(1);
    expect(await auditsOf(inThreeDays.id, "grant.expire")).toBe(0);
    // The 7-day notice for both grants ahead, the 1-day notice for the one due within a day.
    expect((await noticesOf("grant.expiring")) - expiringBefore).toBe(3);
    // Ours, and the demo's grants of allen's that expired within the job's 30-day look-back.
    expect((await noticesOf("grant.expired")) - expiredBefore).toBeGreaterThanOrEqual(1);
    expect(await prisma.expiryMark.count({ where: { key: { contains: inHalfADay.id } } })).toBe(2);
  });
});
