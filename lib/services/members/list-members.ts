import { z } from "zod";
import { prisma } from "@/lib/db/client";
import { projectInScope } from "@/lib/authorize/project-scope";
import type { ServiceContext } from "@/lib/context/service-context";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import type { Prisma } from "@/lib/generated/prisma/client";
import { pageWindow, paginationFields } from "@/lib/services/pagination";
import { authorizeInspection } from "@/lib/authorize/authorize-administrator";
import { principalOfUser } from "./support/user-principal";
import { projectField } from "@/lib/services/project-field";

export const MEMBER_SORTS = ["member", "addedAt", "clearance"] as const;

export const listMembersInput = z.object({
  project: projectField,
  q: z.string().trim().max(200).optional(),
  /** Absent: current and removed members alike. */
  status: z.enum(["active", "removed"]).optional(),
  sort: z.enum(MEMBER_SORTS).default("member"),
  dir: z.enum(["asc", "desc"]).default("asc"),
  ...paginationFields(),
});

export interface MemberSummary {
  id: string;
  /** Null for a RAM role (assumable role) member. */
  userId: string | null;
  principal: string;
  displayName: string;
  email: string | null;
  kind: "PRIMARY" | "SUB" | "RAM_ROLE";
  /** Belongs to another Alibaba Cloud account than the project (only primary accounts can). */
  otherAccount: boolean;
  isOwner: boolean;
  /** The project roles assigned to the member; a removed member's stay dormant. */
  roles: string[];
  clearance: number;
  addedAt: string;
  removedAt: string | null;
}

const ORDER: Record<
  (typeof MEMBER_SORTS)[number],
  (dir: Prisma.SortOrder) => Prisma.ProjectMemberOrderByWithRelationInput[]
> = {
  member: (dir) => [{ user: { email: dir } }, { assumableRole: { name: dir } }],
  addedAt: (dir) => [{ addedAt: dir }],
  clearance: (dir) => [{ clearance: dir }],
};

/** A project's members, current and removed, with their roles in the project; for its administrators. */
export async function listMembers(ctx: ServiceContext, input: z.output<typeof listMembersInput>) {
  const project = await projectInScope(ctx, input.project);
  authorizeInspection(ctx, project, "see its members");
  const contains = input.q ? { contains: input.q, mode: "insensitive" as const } : undefined;
  const where: Prisma.ProjectMemberWhereInput = {
    projectId: project.id,
    ...(input.status ? { removedAt: input.status === "active" ? null : { not: null } } : {}),
    ...(contains
      ? {
          OR: [
            { user: { OR: [{ email: contains }, { displayName: contains }, { name: contains }] } },
            { assumableRole: { name: contains } },
          ],
        }
      : {}),
  };
  const ownerId = project.index.users[project.index.project.ownerInt]?.id;
  const [total, rows] = await Promise.all([
    prisma.projectMember.count({ where }),
    prisma.projectMember.findMany({
      where,
      // The id keeps pages stable when the sort key ties.
      orderBy: [...ORDER[input.sort](input.dir), { id: "asc" }],
      ...pageWindow(input),
      include: {
        user: {
          include: {
            tenant: { select: { name: true } },
            roleAssignments: {
              where: { role: { projectId: project.id } },
              select: { role: { select: { name: true } } },
              orderBy: { role: { name: "asc" } },
            },
          },
        },
        assumableRole: { include: { tenant: { select: { name: true } } } },
      },
    }),
  ]);
  const items = rows.map((member): MemberSummary => {
    const common = {
      id: member.id,
      clearance: member.clearance,
      addedAt: member.addedAt.toISOString(),
      removedAt: member.removedAt?.toISOString() ?? null,
    };
    if (member.user) {
      const { user } = member;
      return {
        ...common,
        userId: user.id,
        principal: principalOfUser(user),
        displayName: user.displayName,
        email: user.email,
        kind: user.kind,
        otherAccount: user.tenantId !== project.tenantId,
        isOwner: user.id === ownerId,
        roles: user.roleAssignments.map((assignment) => assignment.role.name),
      };
    }
    const role = member.assumableRole!;
    return {
      ...common,
      userId: null,
      // MaxCompute names a RAM role member RAM$<account>:role/<role>.
      principal: `RAM$${role.tenant.name}:role/${role.name}`,
      displayName: role.name,
      email: null,
      kind: "RAM_ROLE",
      otherAccount: role.tenantId !== project.tenantId,
      isOwner: false,
      roles: [],
    };
  });
  return { project: project.name, items, total, page: input.page, pageSize: input.pageSize };
}

export const listMembersEndpoint = defineEndpoint({
  name: "member.list",
  input: listMembersInput,
  permission: "project.inspect",
  run: listMembers,
});
