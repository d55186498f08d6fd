import { beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { createProject } from "@/lib/services/projects/create-project";
import { asOwner, contextFor, demoDatabase } from "../helpers/test-database";
import { everyChainVerifies } from "../helpers/audit-tampering";

const prisma = await demoDatabase();

describe("a change and its audit event commit together or not at all", () => {
  beforeAll(async () => {
    expect(await everyChainVerifies(prisma)).toBe(true);
  });

  it("writes the project and its audit event in one transaction", async () => {
    const ctx = await contextFor("alice@wonderland.example");
    const before = await prisma.auditEvent.count();
    const project = await createProject(ctx, { name: "Audited_ok", description: "" });
    const event = await prisma.auditEvent.findFirstOrThrow({
      where: { action: "project.create", targetId: project.id },
    });
    expect(event.actorName).toBe("ALIYUN$alice@wonderland.example");
    expect(event.sourceIp).toBe("127.0.0.1");
    expect(event.result).toBe("SUCCESS");
    expect(await prisma.auditEvent.count()).toBe(before + 1);
  });

  it("rolls the change back when the audit write fails", async () => {
    const ctx = await contextFor("alice@wonderland.example");
    // A real failure of the audit insert, forced by the database (as the tables' owner): no mock involved.
    await asOwner(
      (owner) =>
        owner.$executeRaw`ALTER TABLE audit_events ADD CONSTRAINT force_audit_failure CHECK (action <> 'project.create') NOT VALID`,
    );
    try {
      await expect(createProject(ctx, { name: "Never_created", description: "" })).rejects.toThrow();
    } finally {
      await asOwner((owner) => owner.$executeRaw`ALTER TABLE audit_events DROP CONSTRAINT force_audit_failure`);
    }
    expect(await prisma.project.findUnique({ where: { name: "Never_created" } })).toBeNull();
    expect(await prisma.projectRole.count({ where: { project: { name: "Never_created" } } })).toBe(0);
    expect(await everyChainVerifies(prisma)).toBe(true);
  });

  it("refuses to update, delete or truncate audit events", async () => {
    const statements = [
      prisma.$executeRaw`UPDATE audit_events SET action = 'forged' WHERE seq = 1`,
      prisma.$executeRaw`DELETE FROM audit_events WHERE seq = 1`,
      prisma.$executeRaw`TRUNCATE audit_events`,
    ];
    for (const statement of statements) {
      await expect(statement).rejects.toThrow(/append-only|audit/);
    }
    expect(await everyChainVerifies(prisma)).toBe(true);
  });

  it("refuses an event that does not extend the chain", async () => {
    await expect(
      prisma.auditEvent.create({
        data: {
          chainId: "system",
          seq: 999_999n,
          at: new Date(),
          actorName: "forger",
          actorType: "USER",
          action: "forged",
          result: "SUCCESS",
          prevHash: "0".repeat(64),
          hash: "0".repeat(64),
        },
      }),
    ).rejects.toBeInstanceOf(Prisma.PrismaClientKnownRequestError);
  });
});
