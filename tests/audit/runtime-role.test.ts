// On PostgreSQL the application runs as a runtime role that owns no table and may only read and append audit
// events: with the application's own credentials, audit history cannot be changed, nor its triggers removed.
import { describe, expect, it } from "vitest";

import { createProject } from "@/lib/services/projects/create-project";
import { contextFor, demoDatabase } from "../helpers/test-database";
import { everyChainVerifies } from "../helpers/audit-tampering";

const prisma = await demoDatabase();

// Needs a server with separate owner and runtime roles: runs under `npm run test:pg`, which sets
// MIGRATION_DATABASE_URL (owner) and DATABASE_URL (runtime). Skipped on PGlite, which has one role owning all.
describe.skipIf(!process.env.MIGRATION_DATABASE_URL)(
  "the runtime role on PostgreSQL (skipped on PGlite: one role)",
  () => {
    const PERMISSION_DENIED = /permission denied for table/;
    const NOT_OWNER = /must be owner of/;

    it.each([
      [
        "update an audit event",
        () => prisma.$executeRaw`UPDATE audit_events SET action = 'forged' WHERE seq = 1`,
        PERMISSION_DENIED,
      ],
      ["delete an audit event", () => prisma.$executeRaw`DELETE FROM audit_events WHERE seq = 1`, PERMISSION_DENIED],
      ["truncate the audit events", () => prisma.$executeRaw`TRUNCATE audit_events`, PERMISSION_DENIED],
      [
        "disable the audit events' triggers",
        () => prisma.$executeRaw`ALTER TABLE audit_events DISABLE TRIGGER USER`,
        NOT_OWNER,
      ],
      [
        "drop the append-only trigger",
        () => prisma.$executeRaw`DROP TRIGGER audit_events_no_update_or_delete ON audit_events`,
        NOT_OWNER,
      ],
      ["delete a chain head", () => prisma.$executeRaw`DELETE FROM audit_chain_heads`, PERMISSION_DENIED],
      ["truncate the chain heads", () => prisma.$executeRaw`TRUNCATE audit_chain_heads`, PERMISSION_DENIED],
      [
        "disable the chain heads' triggers",
        () => prisma.$executeRaw`ALTER TABLE audit_chain_heads DISABLE TRIGGER USER`,
        NOT_OWNER,
      ],
      [
        "update an access decision",
        () => prisma.$executeRaw`UPDATE access_decisions SET effect = 'Allow'`,
        PERMISSION_DENIED,
      ],
      ["delete an access decision", () => prisma.$executeRaw`DELETE FROM access_decisions`, PERMISSION_DENIED],
      ["truncate the access decisions", () => prisma.$executeRaw`TRUNCATE access_decisions`, PERMISSION_DENIED],
      [
        "drop the access decisions' append-only trigger",
        () => prisma.$executeRaw`DROP TRIGGER access_decisions_no_update_or_delete ON access_decisions`,
        NOT_OWNER,
      ],
      ["rewrite the migration history", () => prisma.$executeRaw`DELETE FROM "_prisma_migrations"`, PERMISSION_DENIED],
    ])("cannot %s", async (_what, statement, refusal) => {
      await expect(statement()).rejects.toThrow(refusal);
    });

    it("owns no table, and still does the application's work, audited", async () => {
      const owned = await prisma.$queryRaw<{ tablename: string }[]>`
      SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tableowner = current_user`;
      expect(owned).toEqual([]);

      const project = await createProject(await contextFor("alice@wonderland.example"), {
        name: "Runtime_role",
        description: "",
      });
      expect(await prisma.auditEvent.count({ where: { action: "project.create", targetId: project.id } })).toBe(1);
      expect(await everyChainVerifies(prisma)).toBe(true);
    });
  },
);
