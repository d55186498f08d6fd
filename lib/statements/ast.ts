import type { ObjectType, Privilege } from "@/lib/authz/model/privileges";

/** Where something is in the statement text: 0-based offset, 1-based line and column. */
export interface SourcePosition {
  offset: number;
  line: number;
  column: number;
}

/** A statement that names a user or a role: `USER ALIYUN$...` / `ROLE analyst`. */
export type PrincipalType = "User" | "Role";

/**
 * The security switches `SET <name>=true|false` changes, spelled as MaxCompute spells them; NoWriteDown is this
 * console's own (LabelSecurity's write rule, an owner's switch on the Settings page), so a statement can set it too.
 */
export const SECURITY_CONFIGURATIONS = [
  "LabelSecurity",
  "NoWriteDown",
  "ProjectProtection",
  "CheckPermissionUsingACL",
  "CheckPermissionUsingPolicy",
  "ObjectCreatorHasAccessPermission",
  "ObjectCreatorHasGrantPermission",
] as const;
export type SecurityConfiguration = (typeof SECURITY_CONFIGURATIONS)[number];

/** The object types a package carries (a catalog object: never a project or another package). */
export type PackageObjectType = "Table" | "View" | "Function" | "Resource" | "Instance";

/** The project's IP whitelist property, the one `SETPROJECT` sets. */
export const WHITELIST_PROPERTY = "odps.security.ip.whitelist";

/**
 * One security statement, one variant per kind (the discriminant). Names are as written (unquoted); keyword
 * case is gone. Every variant is what the matching console form submits, so the executor maps it field by field.
 */
export type StatementBody =
  | { kind: "AddUser"; principal: string }
  | { kind: "RemoveUser"; principal: string }
  | { kind: "ListUsers" }
  | { kind: "CreateRole"; role: string }
  | { kind: "DropRole"; role: string }
  | { kind: "ListRoles" }
  | { kind: "DescribeRole"; role: string }
  | { kind: "GrantRole"; roles: string[]; principal: string }
  | { kind: "RevokeRole"; roles: string[]; principal: string }
  | {
      kind: "GrantPrivileges";
      privileges: Privilege[];
      objectType: ObjectType;
      objectName: string;
      columns: string[];
      granteeType: PrincipalType;
      grantee: string;
      /** PRIVILEGEPROPERTIES("expires" = "<days>"): the grant's lifetime in days. */
      expiresInDays: number | null;
    }
  | {
      kind: "RevokePrivileges";
      privileges: Privilege[];
      objectType: ObjectType;
      objectName: string;
      columns: string[];
      granteeType: PrincipalType;
      grantee: string;
    }
  | { kind: "ShowGrants"; principalType: PrincipalType | null; principal: string | null }
  | { kind: "ShowAcl"; objectType: ObjectType; objectName: string }
  | { kind: "SetPrincipalLabel"; level: number; principalType: PrincipalType; principal: string }
  | { kind: "SetObjectLabel"; level: number; objectType: "Table" | "View"; objectName: string; columns: string[] }
  | {
      kind: "GrantLabel";
      level: number;
      objectType: "Table" | "View";
      objectName: string;
      columns: string[];
      principalType: PrincipalType;
      principal: string;
      /** WITH EXP days; null = the default (180 days). */
      days: number | null;
    }
  | {
      kind: "RevokeLabel";
      objectType: "Table" | "View";
      objectName: string;
      columns: string[];
      principalType: PrincipalType;
      principal: string;
    }
  | { kind: "ClearExpiredGrants" }
  | { kind: "ShowLabelGrants"; level: number | null; objectName: string | null; principal: string | null }
  | { kind: "Describe"; objectType: "Table" | "View"; objectName: string }
  | { kind: "SetSecurityConfiguration"; setting: SecurityConfiguration; value: boolean; exception: unknown | null }
  | { kind: "ShowSecurityConfiguration" }
  | { kind: "AddTrustedProject"; project: string }
  | { kind: "RemoveTrustedProject"; project: string }
  | { kind: "ListTrustedProjects" }
  | { kind: "CreatePackage"; packageName: string }
  | { kind: "DropPackage"; packageName: string }
  | {
      kind: "AddToPackage";
      objectType: PackageObjectType;
      objectName: string;
      packageName: string;
      /** WITH PRIVILEGES; empty = the default (Read/Describe/Select as the type has them). */
      privileges: Privilege[];
    }
  | { kind: "RemoveFromPackage"; objectType: PackageObjectType; objectName: string; packageName: string }
  | { kind: "AllowInstall"; project: string; packageName: string; label: number | null }
  | { kind: "DisallowInstall"; project: string; packageName: string }
  | { kind: "InstallPackage"; ownerProject: string; packageName: string }
  | { kind: "UninstallPackage"; ownerProject: string; packageName: string }
  | { kind: "ShowPackages" }
  | { kind: "DescribePackage"; packageName: string }
  | { kind: "GetPolicy"; role: string | null }
  | { kind: "PutPolicy"; document: unknown; role: string | null }
  | { kind: "SetWhitelist"; entries: string[] }
  | { kind: "WhoAmI" };

export type StatementKind = StatementBody["kind"];

/** A parsed statement: its body, where it starts and its own text (for the result and the audit trail). */
export type Statement = StatementBody & { position: SourcePosition; text: string };

export interface StatementError {
  message: string;
  position: SourcePosition;
}

export type ParseResult = { ok: true; statements: Statement[] } | { ok: false; error: StatementError };
