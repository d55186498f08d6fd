import { z } from "zod";
import { objectTypeSchema, privilegeSchema } from "../model/privileges";
import { principalKindSchema } from "../model/principal";
import { requestContextSchema, requestPrincipalSchema } from "../request";

const objectRef = z.object({ type: objectTypeSchema, name: z.string().min(1) });
const userId = z.string().min(1);
const roleName = z.string().min(1);

export const SECURITY_SETTINGS = [
  "CheckPermissionUsingACL",
  "CheckPermissionUsingPolicy",
  "ObjectCreatorHasAccessPermission",
  "ObjectCreatorHasGrantPermission",
  "LabelSecurity",
  "NoWriteDown",
  "ProjectProtection",
  "TrustedProjects",
  "ExceptionPolicy",
] as const;

export const adminOperationSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("AddMember"),
    target: z.object({ userId, accountId: z.string().min(1), kind: principalKindSchema }),
  }),
  z.object({ kind: z.literal("RemoveMember"), targetUserId: userId }),
  z.object({
    kind: z.enum(["Grant", "Revoke"]),
    privileges: z.array(privilegeSchema).min(1),
    object: objectRef,
    grantee: z.discriminatedUnion("type", [
      z.object({ type: z.literal("User"), userId }),
      z.object({ type: z.literal("Role"), roleName }),
    ]),
  }),
  z.object({ kind: z.enum(["AssignRole", "RevokeRole"]), roleName, targetUserId: userId }),
  z.object({ kind: z.enum(["CreateRole", "DropRole"]), roleName }),
  z.object({ kind: z.literal("SetUserLabel"), targetUserId: userId }),
  z.object({ kind: z.literal("SetRoleLabel"), roleName }),
  z.object({ kind: z.literal("SetObjectLabel"), object: objectRef }),
  z.object({ kind: z.enum(["GrantLabel", "RevokeLabel"]), object: objectRef, targetUserId: userId }),
  z.object({ kind: z.enum(["GrantRoleLabel", "RevokeRoleLabel"]), object: objectRef, roleName }),
  /** CLEAR EXPIRED GRANTS: removes the project's expired label grants. */
  z.object({ kind: z.literal("ClearExpiredLabelGrants") }),
  /** roleName null = the project policy. */
  z.object({ kind: z.literal("EditPolicy"), roleName: roleName.nullable() }),
  z.object({ kind: z.literal("EditWhitelist") }),
  /** The project's webhook: where its audited changes are sent, and the deliveries' history. */
  z.object({ kind: z.literal("EditWebhook") }),
  /** Provider side: create/drop a package, add/remove its objects, allow/disallow projects to install it. */
  z.object({ kind: z.literal("ManagePackage"), packageName: z.string().min(1) }),
  /** Installer side: install/uninstall another project's package here (`owner_project.package`). */
  z.object({ kind: z.literal("InstallPackage"), packageName: z.string().min(1) }),
  z.object({ kind: z.literal("SetSecurityConfig"), setting: z.enum(SECURITY_SETTINGS) }),
]);

export const adminRequestSchema = z.object({
  principal: requestPrincipalSchema,
  project: z.string().min(1),
  operation: adminOperationSchema,
  context: requestContextSchema,
});

export type AdminOperation = z.infer<typeof adminOperationSchema>;
export type AdminRequest = z.infer<typeof adminRequestSchema>;
