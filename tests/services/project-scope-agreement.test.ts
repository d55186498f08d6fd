// projectInScope resolves a project by name with one prepared statement (every decision-API call runs it), while
// lists use visibleProjectsWhere through Prisma: the two must draw the same line. Checked for every demo user
// and every project, so a rule changed in one and not the other (an auditor's reach, a tenant manager's) fails.
import { describe, expect, it } from "vitest";
import { projectInScope } from "@/lib/authorize/project-scope";
import { visibleProjectsWhere } from "@/lib/db/visible-projects";
import { AppError } from "@/lib/errors";
import { contextFor, demoDatabase } from "../helpers/test-database";

const prisma = await demoDatabase();
const users = await prisma.user.findMany({ select: { email: true }, orderBy: { email: "asc" } });
const projects = await prisma.project.findMany({ select: { name: true }, orderBy: { name: "asc" } });

describe("a project is in scope by name exactly when the lists show it", () => {
  it("covers users and projects of several tenants", () => {
    expect(users.length).toBeGreaterThan(5);
    expect(projects.length).toBeGreaterThan(2);
  });

  for (const { email } of users) {
    it(email, async () => {
      const ctx = await contextFor(email);
      const listed = await prisma.project.findMany({ where: visibleProjectsWhere(ctx.actor), select: { name: true } });
      const resolved: string[] = [];
      for (const { name } of projects) {
        const found = await projectInScope(ctx, name).then(
          () => true,
          // A whitelist refusal comes after the project was found; NOT_FOUND is the line itself.
          (error: unknown) => !(error instanceof AppError && error.code === "NOT_FOUND"),
        );
        if (found) resolved.push(name);
      }
      expect(resolved.sort()).toEqual(listed.map((project) => project.name).sort());
    });
  }
});
