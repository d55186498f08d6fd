import { z } from "zod";
import { objectTypeSchema, privilegeSchema } from "./model/privileges";
import { principalKindSchema } from "./model/principal";

const id = z.string().min(1);
/** Timestamps are epoch milliseconds: the loader converts, the engine compares numbers. */
const timestamp = z.number().int();
const labelLevel = z.number().int().min(0).max(9);

export const snapshotUserSchema = z.object({
  id,
  accountId: id,
  kind: principalKindSchema,
  /** Canonical name used by policy statements, e.g. `RAM$wonderland:bob` (see formatPrincipalName). */
  principalName: z.string().min(1),
  disabled: z.boolean(),
  /** The user's email and display name, as the access views show them (absent: looked up when needed). */
  email: z.string().optional(),
  displayName: z.string().optional(),
  /**
   * The strongest account-level (tenant) administrative role the user holds, if any. It counts only in projects
   * of the user's own account; the loader lists such users even when they are not members.
   */
  accountRole: z.enum(["Super_Administrator", "Admin"]).nullable().optional(),
});

export const snapshotObjectSchema = z.object({
  id,
  type: objectTypeSchema.exclude(["Project", "Package"]),
  name: z.string().min(1),
  creatorUserId: id.nullable(),
  /** Columns of a table or view, in table order; empty for other types. */
  columns: z.array(z.string().min(1)),
});

export const granteeSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("User"), userId: id }),
  z.object({ type: z.literal("Role"), roleId: id }),
]);

export const snapshotGrantSchema = z.object({
  id,
  /** A catalog object id, the project id (project-level privileges) or an installed package id. */
  objectId: id,
  privileges: z.array(privilegeSchema).min(1),
  /** Column-level grant (tables and views); null = the whole object. */
  columns: z.array(z.string().min(1)).nullable(),
  grantee: granteeSchema,
  expiresAt: timestamp.nullable(),
  /** Optional RAM condition block (JSON, as in a policy statement's `Condition`). */
  condition: z.string().nullable(),
});

export const snapshotPackageSchema = z.object({
  id,
  name: z.string().min(1),
  /** The project that created the package (its name, as requests name an object's project, and its id). */
  ownerProject: z.string().min(1),
  ownerProjectId: id,
  /** Whether the owner project enforces LabelSecurity; the objects' labels below then apply. */
  labelSecurity: z.boolean(),
  objects: z.array(
    z.object({
      type: objectTypeSchema.exclude(["Project", "Package"]),
      name: z.string().min(1),
      privileges: z.array(privilegeSchema).min(1),
      label: labelLevel,
      columnLabels: z.record(z.string(), labelLevel),
    }),
  ),
  /** Projects allowed to install (and having installed) the package, with the `USING LABEL` level. */
  installedInto: z.array(z.object({ projectId: id, label: labelLevel })),
});

export const securitySnapshotSchema = z.object({
  /** Bumped by every security change; the cache compares it to decide when to recompile. */
  securityVersion: z.number().int().nonnegative(),
  project: z.object({ id, name: z.string().min(1), accountId: id, ownerUserId: id }),
  config: z.object({
    checkPermissionUsingACL: z.boolean(),
    checkPermissionUsingPolicy: z.boolean(),
    objectCreatorHasAccessPermission: z.boolean(),
    objectCreatorHasGrantPermission: z.boolean(),
    labelSecurity: z.boolean(),
    /** No-WriteDown (with LabelSecurity on): writes into data labelled below the writer's clearance are denied. Absent = off. */
    noWriteDown: z.boolean().optional(),
    projectProtection: z.boolean(),
    /** Policy-format JSON attached with `set ProjectProtection=true with exception`. */
    exceptionPolicy: z.string().nullable(),
  }),
  /** Ids of the projects this one trusts (ProjectProtection): ids, so that a look-alike name is never trusted. */
  trustedProjectIds: z.array(id),
  /** Directory entries for the owner and every member (current or removed). */
  users: z.array(snapshotUserSchema),
  members: z.array(z.object({ userId: id, removedAt: timestamp.nullable() })),
  roles: z.array(z.object({ id, name: z.string().min(1), kind: z.enum(["Super_Administrator", "Admin", "Custom"]) })),
  roleAssignments: z.array(z.object({ roleId: id, userId: id })),
  objects: z.array(snapshotObjectSchema),
  grants: z.array(snapshotGrantSchema),
  /** roleId null = a project policy; otherwise the role's policy. `document` is the policy JSON text. */
  policies: z.array(z.object({ id, name: z.string().min(1), roleId: id.nullable(), document: z.string() })),
  labels: z.object({
    users: z.array(z.object({ userId: id, level: labelLevel })),
    /** SET LABEL n TO ROLE r: a member's clearance is the highest of their own and their roles'. Absent = none. */
    roles: z.array(z.object({ roleId: id, level: labelLevel })).optional(),
    /** column null = the table's (or view's) own label. */
    objects: z.array(z.object({ objectId: id, column: z.string().min(1).nullable(), level: labelLevel })),
  }),
  /** GRANT LABEL to a user (userId) or to a role (roleId, for every member of the role): exactly one is set. */
  labelGrants: z.array(
    z
      .object({
        id,
        objectId: id,
        columns: z.array(z.string().min(1)).nullable(),
        userId: id.optional(),
        roleId: id.optional(),
        level: labelLevel,
        expiresAt: timestamp,
      })
      .refine((grant) => (grant.userId === undefined) !== (grant.roleId === undefined), {
        message: "A label grant names exactly one of userId and roleId",
      }),
  ),
  packages: z.array(snapshotPackageSchema),
  whitelist: z.object({ system: z.array(z.string()), project: z.array(z.string()) }),
});

export type SecuritySnapshot = z.infer<typeof securitySnapshotSchema>;
export type SnapshotUser = z.infer<typeof snapshotUserSchema>;
export type SnapshotObject = z.infer<typeof snapshotObjectSchema>;
export type SnapshotGrant = z.infer<typeof snapshotGrantSchema>;
export type SnapshotPackage = z.infer<typeof snapshotPackageSchema>;
export type Grantee = z.infer<typeof granteeSchema>;

export const DEFAULT_LABEL_GRANT_DAYS = 180;

/** `GRANT LABEL ... WITH EXP <days>`: the expiry the loader stores (default 180 days). */
export function labelGrantExpiry(grantedAt: number, days: number = DEFAULT_LABEL_GRANT_DAYS): number {
  return grantedAt + days * 86_400_000;
}
