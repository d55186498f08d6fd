// npx tsx scripts/grow-demo.ts --tables 200 --members 10000 --grants 10000
//
// Grows the demo's WonderLand for scale testing, in the database the environment names (DATABASE_URL, else
// PGlite in PGLITE_DIR): extra tables (grow_t_00001…), extra members (new sub-accounts of wonderland,
// grow_member_00001…, who sign in with the demo password) and extra ACL grants on those tables. Each option is
// a total to reach, so running it again with the same numbers adds nothing.
import { parseArgs } from "node:util";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { disconnect, prisma } from "@/lib/db/client";
import { refreshPlannerStatistics } from "@/lib/db/planner-statistics";
import type { Prisma } from "@/lib/generated/prisma/client";

const TABLE_PREFIX = "grow_t_";
const MEMBER_PREFIX = "grow_member_";
const TABLE_PRIVILEGES = ["Describe", "Select", "Alter", "Update", "Drop", "ShowHistory", "Download"] as const;
const CHUNK = 2000;
const DAY = 86_400_000;
/** Tables the grants spread over when --tables is not given. */
const DEFAULT_GRANT_TABLES = 50;

const { values } = parseArgs({
  options: {
    tables: { type: "string", default: "0" },
    members: { type: "string", default: "0" },
    grants: { type: "string", default: "0" },
  },
});

function count(name: string, text: string | undefined): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0 || value > 1_000_000)
    throw new Error(`--${name} must be a whole number from 0 to 1,000,000`);
  return value;
}

const numbered = (prefix: string, index: number) => `${prefix}${String(index + 1).padStart(5, "0")}`;

async function inChunks<T>(rows: T[], write: (chunk: T[]) => Promise<unknown>) {
  for (let start = 0; start < rows.length; start += CHUNK) await write(rows.slice(start, start + CHUNK));
}

async function growTables(
  projectId: string,
  creatorId: string,
  total: number,
): Promise<{ id: string; name: string }[]> {
  const wanted = Array.from({ length: total }, (_, index) => numbered(TABLE_PREFIX, index));
  await inChunks(wanted, (names) =>
    prisma.catalogObject.createMany({
      data: names.map((name) => ({
        projectId,
        type: "TABLE" as const,
        name,
        description: "Grown for scale testing.",
        creatorId,
      })),
      skipDuplicates: true,
    }),
  );
  const tables = await prisma.catalogObject.findMany({
    where: { projectId, type: "TABLE", name: { startsWith: TABLE_PREFIX } },
    select: { id: true, name: true, _count: { select: { columns: true } } },
    orderBy: { name: "asc" },
  });
  const bare = tables.filter((table) => table._count.columns === 0);
  await inChunks(
    bare.flatMap((table) =>
      ["id BIGINT", "user_id BIGINT", "amount DOUBLE", "note STRING", "dt STRING"].map((spec, position) => {
        const [name, dataType] = spec.split(" ") as [string, string];
        return { objectId: table.id, name, dataType, position };
      }),
    ),
    (columns) => prisma.column.createMany({ data: columns, skipDuplicates: true }),
  );
  return tables;
}

async function growMembers(
  tenantId: string,
  projectId: string,
  passwordHash: string,
  total: number,
): Promise<string[]> {
  const names = Array.from({ length: total }, (_, index) => numbered(MEMBER_PREFIX, index));
  await inChunks(names, (chunk) =>
    prisma.user.createMany({
      data: chunk.map((name) => ({
        tenantId,
        kind: "SUB" as const,
        name,
        email: `${name}@wonderland.example`,
        displayName: name.replaceAll("_", " "),
        passwordHash,
      })),
      skipDuplicates: true,
    }),
  );
  const users = await prisma.user.findMany({
    where: { tenantId, name: { startsWith: MEMBER_PREFIX } },
    select: { id: true },
    orderBy: { name: "asc" },
  });
  await inChunks(users, (chunk) =>
    prisma.projectMember.createMany({
      data: chunk.map((user) => ({ projectId, userId: user.id })),
      skipDuplicates: true,
    }),
  );
  return users.map((user) => user.id);
}

/** Grant number k, the same on every run: spread over tables, privileges and grantees; some expired, some on columns. */
function grantNumber(
  k: number,
  tables: { id: string }[],
  members: string[],
  roleId: string,
): Omit<Prisma.AclGrantCreateManyInput, "projectId" | "grantedById"> {
  const table = tables[k % tables.length]!;
  const privilege = TABLE_PRIVILEGES[Math.floor(k / tables.length) % TABLE_PRIVILEGES.length]!;
  const toRole = members.length === 0 || k % 13 === 0;
  return {
    objectType: "TABLE",
    objectId: table.id,
    privilege,
    columns: privilege === "Select" && k % 5 === 0 ? ["id", "amount"] : [],
    ...(toRole ? { granteeRoleId: roleId } : { granteeUserId: members[Math.floor(k / 13) % members.length]! }),
    expiresAt: k % 10 === 0 ? new Date(Date.now() - DAY) : k % 7 === 0 ? new Date(Date.now() + 90 * DAY) : null,
  };
}

async function main() {
  const wanted = {
    tables: count("tables", values.tables),
    members: count("members", values.members),
    grants: count("grants", values.grants),
  };
  const project = await prisma.project.findUnique({ where: { name: "WonderLand" }, include: { tenant: true } });
  const allen = await prisma.user.findUnique({ where: { email: "allen@wonderland.example" } });
  const analyst =
    project &&
    (await prisma.projectRole.findUnique({ where: { projectId_name: { projectId: project.id, name: "analyst" } } }));
  if (!project || !allen || !analyst) throw new Error("The demo is not loaded here: run npm run db:seed first.");
  const started = Date.now();

  const tableTotal = wanted.grants > 0 ? Math.max(wanted.tables, DEFAULT_GRANT_TABLES) : wanted.tables;
  const tables = tableTotal > 0 ? await growTables(project.id, project.ownerId, tableTotal) : [];
  // The demo users' own hash: grown members sign in with the demo password too.
  const members =
    wanted.members > 0 ? await growMembers(project.tenantId, project.id, allen.passwordHash, wanted.members) : [];

  const existing = await prisma.aclGrant.count({
    where: { projectId: project.id, object: { name: { startsWith: TABLE_PREFIX } } },
  });
  const fresh = Array.from({ length: Math.max(0, wanted.grants - existing) }, (_, index) => ({
    projectId: project.id,
    grantedById: project.ownerId,
    ...grantNumber(existing + index, tables, members, analyst.id),
  }));
  await inChunks(fresh, (chunk) => prisma.aclGrant.createMany({ data: chunk }));

  await prisma.$transaction(async (tx) => {
    await tx.project.update({ where: { id: project.id }, data: { securityVersion: { increment: 1 } } });
    await recordAuditEvent(
      tx,
      { tenantId: project.tenantId, actorId: null, actorName: "system", actorType: "SYSTEM" },
      { sourceIp: null, userAgent: null, requestId: "grow-demo" },
      {
        action: "demo.grow",
        projectId: project.id,
        after: { tables: tables.length, members: members.length, grantsAdded: fresh.length },
        reason: "Grew the demo for scale testing (scripts/grow-demo.ts).",
      },
    );
  });
  await refreshPlannerStatistics(prisma);
  const grants = await prisma.aclGrant.count({ where: { projectId: project.id } });
  const memberCount = await prisma.projectMember.count({ where: { projectId: project.id, removedAt: null } });
  console.log(
    `WonderLand now has ${tables.length} grown tables, ${memberCount} members and ${grants} grants (${fresh.length} added) — ${((Date.now() - started) / 1000).toFixed(1)} s.`,
  );
}

try {
  await main();
} catch (error) {
  console.error(`grow-demo failed: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await disconnect();
}
