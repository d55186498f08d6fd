import { describe, expect, it } from "vitest";
import { administers } from "@/lib/authz";
import { administersWhere } from "@/lib/db/administers-where";
import { projectIndex } from "@/lib/decision-index/project-index";
import { demoDatabase } from "../helpers/test-database";

const prisma = await demoDatabase();

/** For every user and project: the engine's verdict and the database filter's, which must be the same. */
async function verdicts() {
  const [users, projects] = await Promise.all([
    prisma.user.findMany({ orderBy: { email: "asc" } }),
    prisma.project.findMany({ orderBy: { name: "asc" } }),
  ]);
  const rows = [];
  for (const project of projects) {
    const index = (await projectIndex(project.id))!;
    for (const user of users) {
      const where = { AND: [{ id: project.id }, administersWhere(user.id)] };
      const byDatabase = (await prisma.project.count({ where })) === 1;
      rows.push({ project: project.name, user: user.email, engine: administers(index, user.id), database: byDatabase });
    }
  }
  return rows;
}

/** Changes the demo behind the indexes' back, then marks every project changed so each index is rebuilt. */
async function change(write: () => Promise<unknown>) {
  await write();
  await prisma.project.updateMany({ data: { securityVersion: { increment: 1 } } });
}

const projectId = async (name: string) => (await prisma.project.findUniqueOrThrow({ where: { name } })).id;
const userId = async (email: string) => (await prisma.user.findUniqueOrThrow({ where: { email } })).id;

describe("administersWhere says what the engine's administers says", () => {
  it("on the demo, for every user and project (some administer, some do not)", async () => {
    const rows = await verdicts();
    expect(rows.filter((row) => row.engine !== row.database)).toEqual([]);
    expect(rows.some((row) => row.engine)).toBe(true);
    expect(rows.some((row) => !row.engine)).toBe(true);
  });

  it.each([
    {
      description: "an Admin whose membership was removed (the role assignment stays)",
      apply: async () => {
        const [bob, wonderland] = await Promise.all([userId("bob@wonderland.example"), projectId("WonderLand")]);
        const membership = { projectId: wonderland, userId: bob };
        await change(() => prisma.projectMember.updateMany({ where: membership, data: { removedAt: new Date() } }));
      },
    },
    {
      description: "a disabled owner",
      apply: async () => {
        const { ownerId } = await prisma.project.findUniqueOrThrow({ where: { name: "WonderLand" } });
        await change(() => prisma.user.update({ where: { id: ownerId }, data: { disabled: true } }));
      },
    },
  ])("after $description", async ({ apply }) => {
    await apply();
    const rows = await verdicts();
    expect(rows.filter((row) => row.engine !== row.database)).toEqual([]);
  });
});
