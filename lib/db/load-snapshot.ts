import type { Prisma } from "@/lib/generated/prisma/client";
import type { ObjectType as DbObjectType } from "@/lib/generated/prisma/enums";
import type { ObjectType, Privilege, SecuritySnapshot, SnapshotPackage } from "@/lib/authz";
import { prisma } from "./client";
import { snapshotGrantOf } from "./snapshot-grant";
import { principalName } from "@/lib/identity/principal-name";

/** The database's object types, as the decision engine names them. */
const OBJECT_TYPE: Record<DbObjectType, ObjectType> = {
  PROJECT: "Project",
  TABLE: "Table",
  VIEW: "View",
  FUNCTION: "Function",
  RESOURCE: "Resource",
  INSTANCE: "Instance",
  PACKAGE: "Package",
};
type CatalogType = Exclude<ObjectType, "Project" | "Package">;

const ROLE_KIND = { SUPER_ADMINISTRATOR: "Super_Administrator", ADMIN: "Admin", CUSTOM: "Custom" } as const;

/** Account-level roles with power inside the account's projects, strongest first (AUDITOR has none there). */
const ACCOUNT_ADMIN_ROLES = ["SUPER_ADMINISTRATOR", "ADMIN"] as const;

const ms = (date: Date | null) => (date === null ? null : date.getTime());

const catalogInclude = { columns: { orderBy: { position: "asc" } } } satisfies Prisma.CatalogObjectInclude;
type CatalogRow = Prisma.CatalogObjectGetPayload<{ include: typeof catalogInclude }>;

/**
 * Reads everything the decision engine needs about one project, in one consistent read, and shapes it as
 * the engine's snapshot. Returns null when there is no such project.
 */
export async function loadSnapshot(projectId: string): Promise<SecuritySnapshot | null> {
  return prisma.$transaction(
    async (tx) => {
      const project = await tx.project.findUnique({
        where: { id: projectId },
        include: {
          tenant: true,
          owner: { include: { tenant: true } },
          // A disabled tenant's projects answer as absent to other projects: not trusted, not a package source.
          trusted: { where: { trustedProject: { tenant: { disabled: false } } }, select: { trustedProjectId: true } },
          members: { include: { user: { include: { tenant: true } } } },
          roles: { include: { assignments: true, policy: true } },
          objects: { include: catalogInclude },
          aclGrants: true,
          policies: { where: { roleId: null } },
          labelGrants: true,
          whitelist: true,
        },
      });
      if (!project) return null;
      const packages = await tx.package.findMany({
        where: {
          OR: [{ projectId }, { installations: { some: { projectId } }, project: { tenant: { disabled: false } } }],
        },
        include: {
          project: { select: { name: true, labelSecurity: true } },
          objects: { include: { object: { include: catalogInclude } } },
          allowed: { include: { project: { select: { name: true } } } },
          installations: { select: { projectId: true } },
        },
      });
      const systemWhitelist = await tx.whitelistEntry.findMany({ where: { scope: "SYSTEM" }, select: { value: true } });
      // The account's Super_Administrators and Admins act in every project of the account, members or not.
      const accountAdmins = await tx.user.findMany({
        where: { tenantId: project.tenantId, tenantRoles: { some: { role: { in: [...ACCOUNT_ADMIN_ROLES] } } } },
        include: { tenant: true, tenantRoles: { where: { role: { in: [...ACCOUNT_ADMIN_ROLES] } } } },
      });
      const accountRoles = new Map(
        accountAdmins.map((user) => {
          const strongest = ACCOUNT_ADMIN_ROLES.find((role) =>
            user.tenantRoles.some((assignment) => assignment.role === role),
          )!;
          return [user.id, ROLE_KIND[strongest]];
        }),
      );

      const users = new Map<string, SecuritySnapshot["users"][number]>();
      for (const user of [
        project.owner,
        ...project.members.flatMap((member) => (member.user ? [member.user] : [])),
        ...accountAdmins,
      ]) {
        users.set(user.id, {
          id: user.id,
          accountId: user.tenantId,
          kind: user.kind === "PRIMARY" ? "primary" : "sub",
          principalName: principalName({
            kind: user.kind,
            email: user.email,
            name: user.name,
            tenantName: user.tenant.name,
          }),
          disabled: user.disabled,
          email: user.email,
          displayName: user.displayName,
          accountRole: accountRoles.get(user.id) ?? null,
        });
      }
      const userMembers = project.members.filter((member) => member.userId !== null);

      return {
        securityVersion: project.securityVersion,
        project: { id: project.id, name: project.name, accountId: project.tenantId, ownerUserId: project.ownerId },
        config: {
          checkPermissionUsingACL: project.checkPermissionUsingAcl,
          checkPermissionUsingPolicy: project.checkPermissionUsingPolicy,
          objectCreatorHasAccessPermission: project.objectCreatorHasAccessPermission,
          objectCreatorHasGrantPermission: project.objectCreatorHasGrantPermission,
          labelSecurity: project.labelSecurity,
          noWriteDown: project.noWriteDown,
          projectProtection: project.projectProtection,
          exceptionPolicy:
            project.protectionExceptionPolicy === null ? null : JSON.stringify(project.protectionExceptionPolicy),
        },
        trustedProjectIds: project.trusted.map((trust) => trust.trustedProjectId),
        users: [...users.values()],
        members: userMembers.map((member) => ({ userId: member.userId!, removedAt: ms(member.removedAt) })),
        roles: project.roles.map((role) => ({ id: role.id, name: role.name, kind: ROLE_KIND[role.kind] })),
        roleAssignments: project.roles.flatMap((role) =>
          role.assignments.map((assignment) => ({ roleId: role.id, userId: assignment.userId })),
        ),
        objects: project.objects.map((object) => ({
          id: object.id,
          type: OBJECT_TYPE[object.type] as CatalogType,
          name: object.name,
          creatorUserId: object.creatorId,
          columns: object.columns.map((column) => column.name),
        })),
        grants: project.aclGrants.map((grant) => snapshotGrantOf(grant, project.id)),
        policies: [
          ...project.policies.map((policy) => ({
            id: policy.id,
            name: "project policy",
            roleId: null,
            document: JSON.stringify(policy.document),
          })),
          ...project.roles.flatMap((role) =>
            role.policy
              ? [
                  {
                    id: role.policy.id,
                    name: `policy of role ${role.name}`,
                    roleId: role.id,
                    document: JSON.stringify(role.policy.document),
                  },
                ]
              : [],
          ),
        ],
        labels: {
          users: userMembers
            .filter((member) => member.clearance > 0)
            .map((member) => ({ userId: member.userId!, level: member.clearance })),
          roles: project.roles
            .filter((role) => role.clearance > 0)
            .map((role) => ({ roleId: role.id, level: role.clearance })),
          objects: project.objects.flatMap((object) => [
            ...(object.label > 0 ? [{ objectId: object.id, column: null, level: object.label }] : []),
            ...object.columns
              .filter((column) => column.label !== null)
              .map((column) => ({ objectId: object.id, column: column.name, level: column.label! })),
          ]),
        },
        labelGrants: project.labelGrants.map((grant) => ({
          id: grant.id,
          objectId: grant.objectId,
          columns: grant.columns.length > 0 ? grant.columns : null,
          ...(grant.granteeUserId !== null ? { userId: grant.granteeUserId } : { roleId: grant.granteeRoleId! }),
          level: grant.level,
          expiresAt: grant.expiresAt.getTime(),
        })),
        packages: packages.map((pkg): SnapshotPackage => ({
          id: pkg.id,
          name: pkg.name,
          ownerProject: pkg.project.name,
          ownerProjectId: pkg.projectId,
          labelSecurity: pkg.project.labelSecurity,
          objects: pkg.objects.map((entry) => packageObject(entry.object, entry.privileges)),
          // INVARIANT: an installation counts only while its project is still allowed (DISALLOW cuts access
          // at once; the installation row stays, so the installer sees it as no longer allowed).
          installedInto: pkg.installations.flatMap((installation) => {
            const allowed = pkg.allowed.find((candidate) => candidate.projectId === installation.projectId);
            return allowed ? [{ projectId: installation.projectId, label: allowed.label ?? 0 }] : [];
          }),
        })),
        whitelist: {
          system: systemWhitelist.map((entry) => entry.value),
          project: project.whitelist.map((entry) => entry.value),
        },
      };
      // Repeatable read: every read above sees the same committed state (under the default read committed,
      // each statement could see a later commit, and the snapshot could mix two states).
    },
    // Read-only, so a long limit holds no lock anyone waits on: Prisma's 5 s default failed the first decision
    // on a project of 10,000 members and grants while the machine was busy (a 500 instead of a slow answer).
    { isolationLevel: "RepeatableRead", timeout: 30_000, maxWait: 10_000 },
  );
}

function packageObject(object: CatalogRow, privileges: string[]): SnapshotPackage["objects"][number] {
  return {
    type: OBJECT_TYPE[object.type] as CatalogType,
    name: object.name,
    privileges: privileges as Privilege[],
    label: object.label,
    columnLabels: Object.fromEntries(
      object.columns.filter((column) => column.label !== null).map((column) => [column.name, column.label!]),
    ),
  };
}
