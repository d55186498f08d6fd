import type { StatementBody } from "./ast";
import { WHITELIST_PROPERTY } from "./ast";
import { STATEMENT_KEYWORDS } from "./keywords";

const PLAIN_NAME = /^[A-Za-z_][A-Za-z0-9_]*(?:[.@:$-]+[A-Za-z0-9_*]+)*$/;
const KEYWORD_SET = new Set(STATEMENT_KEYWORDS.map((word) => word.toLowerCase()));

/** A name as the parser reads it back: plain when it is one word and no keyword, else quoted. */
export function formatName(name: string): string {
  if (PLAIN_NAME.test(name) && !KEYWORD_SET.has(name.toLowerCase())) return name;
  if (!name.includes("`") && !/[\r\n]/.test(name)) return `\`${name}\``;
  return JSON.stringify(name);
}

const names = (list: readonly string[]) => list.map(formatName).join(", ");
const columns = (list: readonly string[]) => (list.length > 0 ? `(${names(list)})` : "");
const upper = (word: string) => word.toUpperCase();

/**
 * The canonical text of a statement (keywords upper case, names quoted where needed): what the console shows
 * for a statement and what parseStatements reads back to the same body.
 */
export function formatStatement(statement: StatementBody): string {
  switch (statement.kind) {
    case "AddUser":
      return `ADD USER ${formatName(statement.principal)}`;
    case "RemoveUser":
      return `REMOVE USER ${formatName(statement.principal)}`;
    case "ListUsers":
      return "LIST USERS";
    case "CreateRole":
      return `CREATE ROLE ${formatName(statement.role)}`;
    case "DropRole":
      return `DROP ROLE ${formatName(statement.role)}`;
    case "ListRoles":
      return "LIST ROLES";
    case "DescribeRole":
      return `DESCRIBE ROLE ${formatName(statement.role)}`;
    case "GrantRole":
      return `GRANT ${names(statement.roles)} TO USER ${formatName(statement.principal)}`;
    case "RevokeRole":
      return `REVOKE ${names(statement.roles)} FROM USER ${formatName(statement.principal)}`;
    case "GrantPrivileges":
      return (
        `GRANT ${statement.privileges.join(", ")} ON ${upper(statement.objectType)} ${formatName(statement.objectName)}` +
        `${columns(statement.columns)} TO ${upper(statement.granteeType)} ${formatName(statement.grantee)}` +
        (statement.expiresInDays === null ? "" : ` PRIVILEGEPROPERTIES("expires" = "${statement.expiresInDays}")`)
      );
    case "RevokePrivileges":
      return (
        `REVOKE ${statement.privileges.join(", ")} ON ${upper(statement.objectType)} ` +
        `${formatName(statement.objectName)}${columns(statement.columns)} FROM ${upper(statement.granteeType)} ` +
        formatName(statement.grantee)
      );
    case "ShowGrants":
      return statement.principal === null
        ? "SHOW GRANTS"
        : `SHOW GRANTS FOR ${upper(statement.principalType ?? "User")} ${formatName(statement.principal)}`;
    case "ShowAcl":
      return `SHOW ACL FOR ${upper(statement.objectType)} ${formatName(statement.objectName)}`;
    case "SetPrincipalLabel":
      return `SET LABEL ${statement.level} TO ${upper(statement.principalType)} ${formatName(statement.principal)}`;
    case "SetObjectLabel":
      return `SET LABEL ${statement.level} TO ${upper(statement.objectType)} ${formatName(statement.objectName)}${columns(statement.columns)}`;
    case "GrantLabel":
      return (
        `GRANT LABEL ${statement.level} ON ${upper(statement.objectType)} ${formatName(statement.objectName)}` +
        `${columns(statement.columns)} TO ${upper(statement.principalType)} ${formatName(statement.principal)}` +
        (statement.days === null ? "" : ` WITH EXP ${statement.days}`)
      );
    case "RevokeLabel":
      return (
        `REVOKE LABEL ON ${upper(statement.objectType)} ${formatName(statement.objectName)}${columns(statement.columns)} ` +
        `FROM ${upper(statement.principalType)} ${formatName(statement.principal)}`
      );
    case "ClearExpiredGrants":
      return "CLEAR EXPIRED GRANTS";
    case "ShowLabelGrants":
      return [
        "SHOW LABEL",
        ...(statement.level === null ? [] : [String(statement.level)]),
        "GRANTS",
        ...(statement.objectName === null ? [] : [`ON TABLE ${formatName(statement.objectName)}`]),
        ...(statement.principal === null ? [] : [`FOR USER ${formatName(statement.principal)}`]),
      ].join(" ");
    case "Describe":
      return `DESCRIBE ${upper(statement.objectType)} ${formatName(statement.objectName)}`;
    case "SetSecurityConfiguration":
      return (
        `SET ${statement.setting}=${statement.value}` +
        (statement.exception === null ? "" : ` WITH EXCEPTION ${JSON.stringify(statement.exception)}`)
      );
    case "ShowSecurityConfiguration":
      return "SHOW SECURITYCONFIGURATION";
    case "AddTrustedProject":
      return `ADD TRUSTEDPROJECT ${formatName(statement.project)}`;
    case "RemoveTrustedProject":
      return `REMOVE TRUSTEDPROJECT ${formatName(statement.project)}`;
    case "ListTrustedProjects":
      return "LIST TRUSTEDPROJECTS";
    case "CreatePackage":
      return `CREATE PACKAGE ${formatName(statement.packageName)}`;
    case "DropPackage":
      return `DROP PACKAGE ${formatName(statement.packageName)}`;
    case "AddToPackage":
      return (
        `ADD ${upper(statement.objectType)} ${formatName(statement.objectName)} TO PACKAGE ` +
        formatName(statement.packageName) +
        (statement.privileges.length === 0 ? "" : ` WITH PRIVILEGES ${statement.privileges.join(", ")}`)
      );
    case "RemoveFromPackage":
      return `REMOVE ${upper(statement.objectType)} ${formatName(statement.objectName)} FROM PACKAGE ${formatName(statement.packageName)}`;
    case "AllowInstall":
      return (
        `ALLOW PROJECT ${formatName(statement.project)} TO INSTALL PACKAGE ${formatName(statement.packageName)}` +
        (statement.label === null ? "" : ` USING LABEL ${statement.label}`)
      );
    case "DisallowInstall":
      return `DISALLOW PROJECT ${formatName(statement.project)} TO INSTALL PACKAGE ${formatName(statement.packageName)}`;
    case "InstallPackage":
      return `INSTALL PACKAGE ${formatName(`${statement.ownerProject}.${statement.packageName}`)}`;
    case "UninstallPackage":
      return `UNINSTALL PACKAGE ${formatName(`${statement.ownerProject}.${statement.packageName}`)}`;
    case "ShowPackages":
      return "SHOW PACKAGES";
    case "DescribePackage":
      return `DESCRIBE PACKAGE ${formatName(statement.packageName)}`;
    case "GetPolicy":
      return statement.role === null ? "GET POLICY" : `GET POLICY ON ROLE ${formatName(statement.role)}`;
    case "PutPolicy":
      return (
        `PUT POLICY ${JSON.stringify(statement.document)}` +
        (statement.role === null ? "" : ` ON ROLE ${formatName(statement.role)}`)
      );
    case "SetWhitelist":
      return `SETPROJECT ${WHITELIST_PROPERTY}=${statement.entries.map((entry) => JSON.stringify(entry)).join(",")}`;
    case "WhoAmI":
      return "WHOAMI";
  }
}
