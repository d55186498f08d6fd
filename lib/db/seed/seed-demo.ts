import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { hashPassword } from "@/lib/auth/password";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { BUILT_IN_ROLES } from "@/lib/db/built-in-roles";
import { platformTenant } from "@/lib/db/platform-tenant";
import { SECRETGARDEN_OBJECTS, WONDERLAND_DEV_OBJECTS, WONDERLAND_OBJECTS, type DemoObject } from "./demo-catalog";

export const DEMO_PASSWORD = "correct-horse-battery";

/** The demo's people. The README lists them; e2e tests sign in as them. */
export const DEMO_USERS = {
  alice: { tenant: "wonderland", kind: "PRIMARY", email: "alice@wonderland.example", displayName: "Alice Liddell" },
  bob: { tenant: "wonderland", kind: "SUB", email: "bob@wonderland.example", displayName: "Bob Builder" },
  allen: { tenant: "wonderland", kind: "SUB", email: "allen@wonderland.example", displayName: "Allen Analyst" },
  audrey: { tenant: "wonderland", kind: "SUB", email: "audrey@wonderland.example", displayName: "Audrey Auditor" },
  sam: { tenant: "secretgarden", kind: "PRIMARY", email: "sam@secretgarden.example", displayName: "Sam Gardener" },
  mary: { tenant: "secretgarden", kind: "SUB", email: "mary@secretgarden.example", displayName: "Mary Lennox" },
} as const;

/**
 * The demo's platform operator, created only on the embedded default (see demo-choice.ts): a demo operator
 * with a public password on a real server would hand the whole platform to anyone who read the README.
 */
export const DEMO_OPERATOR = { email: "operator@platform.example", displayName: "Olivia Operator" } as const;

type DemoUserKey = keyof typeof DEMO_USERS;
const DAY = 24 * 60 * 60 * 1000;

/**
 * Loads the demo into an empty database. Idempotent: does nothing when the demo tenant exists.
 * Everything is written in one transaction, with one audit event that says so. `operator`: also create the
 * demo platform operator (DEMO_OPERATOR), with the demo password.
 */
export async function seedDemo(
  prisma: PrismaClient,
  { operator = true }: { operator?: boolean } = {},
): Promise<boolean> {
  if (await prisma.tenant.findUnique({ where: { name: "wonderland" } })) return false;
  const passwordHashes = Object.fromEntries(
    await Promise.all(Object.keys(DEMO_USERS).map(async (key) => [key, await hashPassword(DEMO_PASSWORD)] as const)),
  ) as Record<DemoUserKey, string>;
  const operatorHash = operator ? await hashPassword(DEMO_PASSWORD) : null;
  await prisma.$transaction(
    async (tx) => {
      await writeDemo(tx, passwordHashes);
      if (operatorHash) await writeDemoOperator(tx, operatorHash);
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
  return true;
}

async function writeDemoOperator(tx: Prisma.TransactionClient, passwordHash: string) {
  const tenant = await platformTenant(tx);
  await tx.user.create({
    data: {
      tenantId: tenant.id,
      kind: "PRIMARY",
      name: DEMO_OPERATOR.email,
      email: DEMO_OPERATOR.email,
      displayName: DEMO_OPERATOR.displayName,
      passwordHash,
      platformOperator: true,
    },
  });
}

async function writeDemo(tx: Prisma.TransactionClient, passwordHashes: Record<DemoUserKey, string>) {
  const now = Date.now();
  const tenants = {
    wonderland: await tx.tenant.create({ data: { name: "wonderland", displayName: "WonderLand Inc." } }),
    secretgarden: await tx.tenant.create({ data: { name: "secretgarden", displayName: "Secret Garden Ltd." } }),
  };
  const users = {} as Record<DemoUserKey, { id: string }>;
  for (const [key, spec] of Object.entries(DEMO_USERS) as [DemoUserKey, (typeof DEMO_USERS)[DemoUserKey]][]) {
    users[key] = await tx.user.create({
      data: {
        tenantId: tenants[spec.tenant].id,
        kind: spec.kind,
        name: spec.kind === "PRIMARY" ? spec.email : key,
        email: spec.email,
        displayName: spec.displayName,
        passwordHash: passwordHashes[key],
      },
    });
  }
  await tx.tenantRoleAssignment.create({
    data: { tenantId: tenants.wonderland.id, userId: users.audrey.id, role: "AUDITOR" },
  });
  const etlRole = await tx.assumableRole.create({
    data: { tenantId: tenants.wonderland.id, name: "etl-scheduler", description: "Assumed by the nightly ETL jobs." },
  });
  await tx.assumableRoleTrust.create({ data: { roleId: etlRole.id, userId: users.bob.id } });

  const createProject = (
    name: string,
    description: string,
    owner: DemoUserKey,
    tenant: keyof typeof tenants,
    extra: Partial<Prisma.ProjectUncheckedCreateInput> = {},
  ) =>
    tx.project.create({
      data: {
        name,
        description,
        tenantId: tenants[tenant].id,
        ownerId: users[owner].id,
        ...extra,
        members: { create: { userId: users[owner].id } },
        roles: { create: BUILT_IN_ROLES.map((role) => ({ ...role })) },
      },
      include: { roles: true },
    });
  const wonderland = await createProject(
    "WonderLand",
    "Production warehouse of WonderLand Inc.",
    "alice",
    "wonderland",
    {
      labelSecurity: true,
      projectProtection: true,
      protectionExceptionPolicy: {
        Version: "1",
        Statement: [
          {
            Effect: "Allow",
            Principal: ["RAM$wonderland:bob"],
            Action: ["odps:Select"],
            Resource: ["acs:odps:*:projects/WonderLand/tables/dim_region"],
            Condition: { StringEquals: { "odps:TaskType": ["DT", "SQL"] } },
          },
        ],
      },
    },
  );
  const wonderlandDev = await createProject("WonderLand_dev", "Development twin of WonderLand.", "alice", "wonderland");
  const secretGarden = await createProject("SecretGarden", "The Secret Garden's warehouse.", "sam", "secretgarden");
  await tx.trustedProject.create({ data: { projectId: wonderland.id, trustedProjectId: wonderlandDev.id } });

  const objectIds = new Map<string, string>();
  const createObjects = async (projectId: string, objects: DemoObject[]) => {
    for (const object of objects) {
      const created = await tx.catalogObject.create({
        data: {
          projectId,
          type: object.type,
          name: object.name,
          description: object.description,
          creatorId: users[object.creator as DemoUserKey].id,
          label: object.label ?? 0,
          definition: object.definition ?? "",
          columns: {
            create: (object.columns ?? []).map((column, position) => ({
              name: column.name,
              dataType: column.type,
              position,
              comment: column.comment ?? "",
              label: column.label ?? null,
            })),
          },
        },
      });
      objectIds.set(`${projectId}/${object.name}`, created.id);
    }
  };
  await createObjects(wonderland.id, WONDERLAND_OBJECTS);
  await createObjects(wonderlandDev.id, WONDERLAND_DEV_OBJECTS);
  await createObjects(secretGarden.id, SECRETGARDEN_OBJECTS);
  const wl = (name: string) => objectIds.get(`${wonderland.id}/${name}`)!;

  // Members: bob administers WonderLand; allen is an analyst who asks for more; the ETL role is a member too.
  await tx.projectMember.createMany({
    data: [
      { projectId: wonderland.id, userId: users.bob.id, clearance: 3 },
      { projectId: wonderland.id, userId: users.allen.id, clearance: 1 },
      { projectId: wonderland.id, assumableRoleId: etlRole.id },
      { projectId: wonderlandDev.id, userId: users.bob.id, clearance: 2 },
      { projectId: wonderlandDev.id, userId: users.allen.id },
    ],
  });
  // SecretGarden's analyst: the person a package WonderLand shares with SecretGarden is granted to, through a role.
  await tx.projectMember.create({ data: { projectId: secretGarden.id, userId: users.mary.id } });
  const gardenAnalyst = await tx.projectRole.create({
    data: { projectId: secretGarden.id, name: "garden_analyst", description: "Reads data partners share with us." },
  });
  await tx.roleAssignment.create({ data: { roleId: gardenAnalyst.id, userId: users.mary.id } });
  const adminRole = wonderland.roles.find((role) => role.kind === "ADMIN")!;
  const analyst = await tx.projectRole.create({
    data: { projectId: wonderland.id, name: "analyst", description: "Reads the reporting tables." },
  });
  const etlWriter = await tx.projectRole.create({
    data: { projectId: wonderland.id, name: "etl_writer", description: "Loads the ODS and app tables." },
  });
  await tx.roleAssignment.createMany({
    data: [
      { roleId: adminRole.id, userId: users.bob.id },
      { roleId: analyst.id, userId: users.allen.id },
      { roleId: etlWriter.id, userId: users.bob.id },
    ],
  });

  const grant = (
    data: Omit<Prisma.AclGrantUncheckedCreateInput, "projectId" | "grantedById"> & { grantedById?: string },
  ) => tx.aclGrant.create({ data: { projectId: wonderland.id, grantedById: users.alice.id, ...data } });
  await grant({ objectType: "PROJECT", privilege: "List", granteeRoleId: analyst.id });
  await grant({ objectType: "PROJECT", privilege: "CreateInstance", granteeRoleId: analyst.id });
  for (const privilege of ["Describe", "Select"]) {
    await grant({ objectType: "TABLE", objectId: wl("sales_orders"), privilege, granteeRoleId: analyst.id });
    await grant({ objectType: "TABLE", objectId: wl("dim_region"), privilege, granteeRoleId: analyst.id });
    await grant({ objectType: "VIEW", objectId: wl("v_user_summary"), privilege, granteeUserId: users.allen.id });
  }
  await grant({
    objectType: "TABLE",
    objectId: wl("user_profile"),
    privilege: "Select",
    columns: ["id", "gender", "city", "vip_level", "mobile"],
    granteeUserId: users.allen.id,
  });
  await grant({
    objectType: "TABLE",
    objectId: wl("ods_click_log"),
    privilege: "Select",
    granteeUserId: users.allen.id,
    expiresAt: new Date(now - 7 * DAY),
  });
  await grant({
    objectType: "FUNCTION",
    objectId: wl("udf_mask_mobile"),
    privilege: "Execute",
    granteeRoleId: analyst.id,
  });
  for (const privilege of ["Describe", "Select", "Update", "Alter"]) {
    await grant({
      objectType: "TABLE",
      objectId: wl("ods_click_log"),
      privilege,
      granteeRoleId: etlWriter.id,
      grantedById: users.bob.id,
    });
  }

  // LabelSecurity: allen may read mobile (label 2) for 30 days, as the manual's GRANT LABEL example.
  await tx.labelGrant.create({
    data: {
      projectId: wonderland.id,
      objectId: wl("user_profile"),
      columns: ["mobile"],
      level: 2,
      granteeUserId: users.allen.id,
      grantedById: users.alice.id,
      expiresAt: new Date(now + 30 * DAY),
    },
  });
  await tx.labelGrant.create({
    data: {
      projectId: wonderland.id,
      objectId: wl("user_profile"),
      columns: ["birthday"],
      level: 2,
      granteeUserId: users.allen.id,
      grantedById: users.alice.id,
      expiresAt: new Date(now - DAY),
    },
  });

  const policy = (document: object, roleId: string | null) =>
    tx.policy.create({
      data: {
        projectId: wonderland.id,
        roleId,
        document,
        updatedById: users.alice.id,
        versions: { create: { version: 1, document, createdById: users.alice.id } },
      },
    });
  await policy(
    {
      Version: "1",
      Statement: [
        {
          Effect: "Allow",
          Principal: ["RAM$wonderland:*"],
          Action: ["odps:Describe", "odps:Select"],
          Resource: ["acs:odps:*:projects/WonderLand/tables/t_app_*"],
          Condition: { IpAddress: { "acs:SourceIp": ["10.0.0.0/8", "192.168.0.0/16", "127.0.0.1", "::1"] } },
        },
        {
          Effect: "Deny",
          Principal: ["*"],
          Action: ["odps:Drop"],
          Resource: ["acs:odps:*:projects/WonderLand/tables/*"],
          Condition: { NumericLessThan: { "acs:CurrentTime": [Date.UTC(2100, 0, 1)] } },
        },
      ],
    },
    null,
  );
  await policy(
    {
      Version: "1",
      Statement: [{ Effect: "Deny", Action: ["odps:Download"], Resource: ["acs:odps:*:projects/WonderLand/tables/*"] }],
    },
    analyst.id,
  );

  await tx.whitelistEntry.createMany({
    data: [
      {
        scope: "PROJECT",
        projectId: wonderland.id,
        value: "10.0.0.0/8",
        description: "Office network",
        createdById: users.alice.id,
      },
      {
        scope: "PROJECT",
        projectId: wonderland.id,
        value: "192.168.1.10-192.168.1.200",
        description: "VPN pool",
        createdById: users.alice.id,
      },
      {
        scope: "PROJECT",
        projectId: wonderland.id,
        value: "127.0.0.1",
        description: "This machine (the demo console)",
        createdById: users.alice.id,
      },
      {
        scope: "PROJECT",
        projectId: wonderland.id,
        value: "::1",
        description: "This machine over IPv6",
        createdById: users.alice.id,
      },
      {
        scope: "PROJECT",
        projectId: wonderland.id,
        value: "2001:db8::/32",
        description: "Partner IPv6 range",
        createdById: users.alice.id,
      },
    ],
  });

  const sharePackage = await tx.package.create({
    data: {
      projectId: wonderland.id,
      name: "wonderland_share",
      description: "Reference data shared with the dev twin.",
      createdById: users.alice.id,
      objects: {
        create: [
          { objectId: wl("dim_region"), privileges: ["Describe", "Select"] },
          { objectId: wl("user_profile"), privileges: ["Describe", "Select"] },
        ],
      },
      allowed: { create: [{ projectId: wonderlandDev.id, label: 1 }] },
    },
  });
  await tx.packageInstallation.create({
    data: { packageId: sharePackage.id, projectId: wonderlandDev.id, installedById: users.alice.id },
  });

  await tx.accessRequest.create({
    data: {
      tenantId: tenants.wonderland.id,
      projectId: wonderland.id,
      requesterId: users.allen.id,
      kind: "ACL",
      payload: {
        objectType: "Table",
        objectName: "user_profile",
        privileges: ["Select"],
        columns: ["user_addr", "birthday"],
      },
      days: 30,
      pendingUntil: new Date(now + 14 * DAY),
      reason: "Quarterly churn analysis needs age and city-level address.",
    },
  });
  await tx.accessRequest.create({
    data: {
      tenantId: tenants.wonderland.id,
      projectId: wonderland.id,
      requesterId: users.allen.id,
      kind: "LABEL",
      payload: { objectType: "Table", table: "user_profile", columns: ["mobile"], level: 2 },
      days: 30,
      reason: "SMS campaign reconciliation.",
      status: "APPROVED",
      decidedAt: new Date(now - DAY),
      approvals: { create: { approverId: users.alice.id, decision: "APPROVE", comment: "OK for 30 days." } },
    },
  });

  await recordAuditEvent(
    tx,
    { tenantId: null, actorId: null, actorName: "system", actorType: "SYSTEM" },
    { sourceIp: null, userAgent: null, requestId: "demo-seed" },
    {
      action: "demo.seed",
      reason: "Loaded the demo data into an empty database.",
    },
  );
}
