import type { Statement, StatementKind } from "@/lib/statements/ast";
import type { Cell, StatementOutcome } from "@/lib/statements/result";
import { prisma } from "@/lib/db/client";
import { AppError, AuditedRefusal } from "@/lib/errors";
import { ROLE_PREFIX } from "@/lib/shared/role-prefix";
import { whoAmIEndpoint } from "@/lib/services/me/who-am-i";
import { addMemberEndpoint } from "@/lib/services/members/add-member";
import { listMembersEndpoint } from "@/lib/services/members/list-members";
import { removeMemberEndpoint } from "@/lib/services/members/remove-member";
import { assignRoleEndpoint } from "@/lib/services/roles/assign-role";
import { createRoleEndpoint } from "@/lib/services/roles/create-role";
import { dropRoleEndpoint } from "@/lib/services/roles/drop-role";
import { getRoleEndpoint } from "@/lib/services/roles/get-role";
import { listRolesEndpoint } from "@/lib/services/roles/list-roles";
import { revokeRoleEndpoint } from "@/lib/services/roles/revoke-role";
import { grantPrivilegesEndpoint } from "@/lib/services/grants/grant-privileges";
import { listGrantsEndpoint } from "@/lib/services/grants/list-grants";
import { revokeGrantEndpoint } from "@/lib/services/grants/revoke-grant";
import { DB_OBJECT_TYPE, findGrantObject } from "@/lib/services/grants/support/grant-object";
import { resolveGrantee } from "@/lib/services/grants/support/resolve-grantee";
import { clearExpiredLabelGrantsEndpoint } from "@/lib/services/labels/clear-expired-label-grants";
import { describeLabelsEndpoint } from "@/lib/services/labels/describe-labels";
import { grantLabelEndpoint } from "@/lib/services/labels/grant-label";
import { revokeLabelEndpoint } from "@/lib/services/labels/revoke-label";
import { setClearanceEndpoint } from "@/lib/services/labels/set-clearance";
import { setObjectLabelEndpoint } from "@/lib/services/labels/set-object-label";
import { showLabelGrantsEndpoint } from "@/lib/services/labels/show-label-grants";
import { addPackageObjectEndpoint } from "@/lib/services/packages/add-package-object";
import { allowPackageProjectEndpoint } from "@/lib/services/packages/allow-package-project";
import { createPackageEndpoint } from "@/lib/services/packages/create-package";
import { describePackageEndpoint } from "@/lib/services/packages/describe-package";
import { disallowPackageProjectEndpoint } from "@/lib/services/packages/disallow-package-project";
import { dropPackageEndpoint } from "@/lib/services/packages/drop-package";
import { installPackageEndpoint } from "@/lib/services/packages/install-package";
import { listPackagesEndpoint } from "@/lib/services/packages/list-packages";
import { removePackageObjectEndpoint } from "@/lib/services/packages/remove-package-object";
import { uninstallPackageEndpoint } from "@/lib/services/packages/uninstall-package";
import { getPolicyEndpoint } from "@/lib/services/policies/get-policy";
import { savePolicyEndpoint } from "@/lib/services/policies/save-policy";
import { addTrustedProjectEndpoint } from "@/lib/services/settings/add-trusted-project";
import { getSecuritySettingsEndpoint } from "@/lib/services/settings/get-security-settings";
import { removeTrustedProjectEndpoint } from "@/lib/services/settings/remove-trusted-project";
import { updateSecuritySettingsEndpoint } from "@/lib/services/settings/update-security-settings";
import { addWhitelistEntryEndpoint } from "@/lib/services/whitelists/add-whitelist-entry";
import { listWhitelistEndpoint } from "@/lib/services/whitelists/list-whitelist";
import { removeWhitelistEntryEndpoint } from "@/lib/services/whitelists/remove-whitelist-entry";
import { NOBODY, type StatementRunner } from "./statement-runner";

/** Rows a query statement shows: a list's largest page; `total` and the link say when there are more. */
const ROWS = 100;
const DAY = 86_400_000;

type Operation<K extends StatementKind> = (
  statement: Extract<Statement, { kind: K }>,
  run: StatementRunner,
) => Promise<StatementOutcome>;

/** The console page that shows a project's state of one kind. */
function page(run: StatementRunner, path: string, query: Record<string, string> = {}): string {
  return `${path}?${new URLSearchParams({ project: run.project, ...query })}`;
}

const ok = (href: string, detail?: string): StatementOutcome => ({
  message: "OK",
  href,
  ...(detail ? { detail } : {}),
});

function table(columns: string[], rows: Cell[][], total: number, href: string): StatementOutcome {
  return { columns, rows, ...(total > rows.length ? { total } : {}), href };
}

const notFound = (name: string, message: string) => new AppError("NOT_FOUND", message, undefined, { name });

/** The last valid day (UTC) of a grant that lasts `days` days from today, as the grant form takes it. */
const lastDayAfter = (days: number) => new Date(Date.now() + (days - 1) * DAY).toISOString().slice(0, 10);

/**
 * Each statement kind, as the console's form for it: the same endpoint definition, the same input fields.
 * Names become ids where a form picks from a list (members), and a change answers with the page that shows it.
 */
export const STATEMENT_OPERATIONS: { [K in StatementKind]: Operation<K> } = {
  // Members
  async AddUser(statement, run) {
    const email = await run.emailOf(statement.principal);
    if (email === null && (await run.scope()))
      throw notFound(statement.principal, `No RAM user ${statement.principal} in this project's account.`);
    await run.call(addMemberEndpoint, { email: email ?? statement.principal });
    return ok(page(run, "/members"));
  },
  async RemoveUser(statement, run) {
    await asMember(run, statement.principal, (userId) => run.call(removeMemberEndpoint, { userId }));
    return ok(page(run, "/members"));
  },
  async ListUsers(_statement, run) {
    const members = await run.call(listMembersEndpoint, { status: "active", pageSize: ROWS });
    return table(
      ["principal", "name", "roles", "label", "added"],
      members.items.map((member) => [
        member.principal,
        member.displayName,
        member.roles.join(", "),
        member.clearance,
        member.addedAt.slice(0, 10),
      ]),
      members.total,
      page(run, "/members"),
    );
  },

  // Roles
  async CreateRole(statement, run) {
    await run.call(createRoleEndpoint, { name: statement.role });
    return ok(page(run, `/roles/${encodeURIComponent(statement.role)}`));
  },
  async DropRole(statement, run) {
    await run.call(dropRoleEndpoint, { role: statement.role });
    return ok(page(run, "/roles"));
  },
  async ListRoles(_statement, run) {
    const roles = await run.call(listRolesEndpoint, { pageSize: ROWS });
    return table(
      ["role", "kind", "members", "grants", "description"],
      roles.items.map((role) => [role.name, role.kind, role.members, role.grants, role.description]),
      roles.total,
      page(run, "/roles"),
    );
  },
  async DescribeRole(statement, run) {
    const role = await run.call(getRoleEndpoint, { role: statement.role, pageSize: ROWS });
    const rows: Cell[][] = [
      ...role.members.map((member): Cell[] => ["member", member.principal, member.active ? "active" : "dormant"]),
      ...role.grants.items.map((grant): Cell[] => [
        "grant",
        `${grant.privilege} on ${grant.objectType.toLowerCase()} ${grant.objectName}`,
        grant.columns.length > 0 ? `columns ${grant.columns.join(", ")}` : "",
      ]),
    ];
    return table(
      ["kind", "name", "detail"],
      rows,
      rows.length,
      page(run, `/roles/${encodeURIComponent(role.role.name)}`),
    );
  },
  async GrantRole(statement, run) {
    for (const role of statement.roles)
      await asMember(run, statement.principal, (userId) => run.call(assignRoleEndpoint, { role, userId }));
    return ok(page(run, `/roles/${encodeURIComponent(statement.roles[0]!)}`));
  },
  async RevokeRole(statement, run) {
    for (const role of statement.roles)
      await asMember(run, statement.principal, (userId) => run.call(revokeRoleEndpoint, { role, userId }));
    return ok(page(run, `/roles/${encodeURIComponent(statement.roles[0]!)}`));
  },

  // ACL grants
  async GrantPrivileges(statement, run) {
    await run.call(grantPrivilegesEndpoint, {
      objectType: statement.objectType,
      objectName: statement.objectName,
      privileges: statement.privileges,
      columns: statement.columns,
      granteeType: statement.granteeType,
      grantee: statement.grantee,
      expiresOn: statement.expiresInDays === null ? "" : lastDayAfter(statement.expiresInDays),
    });
    return ok(grantsPage(run, statement.granteeType, statement.grantee));
  },
  async RevokePrivileges(statement, run) {
    const grantIds = await matchingGrantIds(statement, run);
    if (grantIds.length === 0) {
      // Let the revoke form answer for a grant it cannot find (after its own checks), audited as it is.
      try {
        await run.call(revokeGrantEndpoint, { grantId: NOBODY });
      } catch (error) {
        if (error instanceof AppError && error.code === "NOT_FOUND")
          error.message = `${statement.grantee} holds no ${statement.privileges.join(", ")} on ${statement.objectType.toLowerCase()} ${statement.objectName}${statement.columns.length > 0 ? ` (${statement.columns.join(", ")})` : ""}.`;
        throw error;
      }
    }
    for (const grantId of grantIds) await run.call(revokeGrantEndpoint, { grantId });
    return ok(grantsPage(run, statement.granteeType, statement.grantee), `${grantIds.length} grant(s) revoked.`);
  },
  async ShowGrants(statement, run) {
    const principal =
      statement.principal === null
        ? undefined
        : statement.principalType === "Role"
          ? `${ROLE_PREFIX}${statement.principal}`
          : statement.principal;
    const grants = await run.call(listGrantsEndpoint, { view: "principal", principal, pageSize: ROWS });
    return grantTable(grants, grantsPage(run, statement.principalType ?? "User", statement.principal ?? ""));
  },
  async ShowAcl(statement, run) {
    const query = { objectType: statement.objectType, objectName: statement.objectName };
    const grants = await run.call(listGrantsEndpoint, { view: "object", ...query, pageSize: ROWS });
    return grantTable(grants, page(run, "/grants", { view: "object", ...query }));
  },

  // LabelSecurity
  async SetPrincipalLabel(statement, run) {
    const { level, principalType, principal } = statement;
    await run.call(setClearanceEndpoint, { principalType, principal, level });
    return ok(page(run, "/labels"));
  },
  async SetObjectLabel(statement, run) {
    const { level, objectType, objectName, columns } = statement;
    await run.call(setObjectLabelEndpoint, { objectType, objectName, columns, level });
    return ok(page(run, "/labels/object", { objectType, objectName }));
  },
  async GrantLabel(statement, run) {
    const { level, objectType, objectName, columns, principalType, principal, days } = statement;
    await run.call(grantLabelEndpoint, {
      objectType,
      objectName,
      columns,
      level,
      principalType,
      principal,
      ...(days === null ? {} : { days }),
    });
    return ok(page(run, "/labels/grants"));
  },
  async RevokeLabel(statement, run) {
    const { objectType, objectName, columns, principalType, principal } = statement;
    await run.call(revokeLabelEndpoint, { objectType, objectName, columns, principalType, principal });
    return ok(page(run, "/labels/grants"));
  },
  async ClearExpiredGrants(_statement, run) {
    await run.call(clearExpiredLabelGrantsEndpoint, {});
    return ok(page(run, "/labels/grants"));
  },
  async ShowLabelGrants(statement, run) {
    const view =
      statement.objectName === null ? "user" : statement.principal === null ? "table" : ("user-table" as const);
    const grants = await run.call(showLabelGrantsEndpoint, {
      view,
      objectType: "Table",
      ...(statement.objectName === null ? {} : { objectName: statement.objectName }),
      ...(statement.principal === null ? {} : { principal: statement.principal }),
      ...(statement.level === null ? {} : { level: statement.level }),
      pageSize: ROWS,
    });
    return table(
      ["object", "columns", "level", "grantee", "expires", "active"],
      grants.items.map((grant) => [
        grant.object,
        grant.columns.join(", "),
        grant.level,
        grant.grantee,
        grant.expiresAt.slice(0, 10),
        grant.active,
      ]),
      grants.total,
      page(run, "/labels/grants"),
    );
  },
  async Describe(statement, run) {
    const described = await run.call(describeLabelsEndpoint, {
      objectType: statement.objectType,
      objectName: statement.objectName,
    });
    return table(
      ["column", "label", "source"],
      described.columns.map((column) => [column.name, column.label, column.source]),
      described.columns.length,
      page(run, "/labels/object", { objectType: described.objectType, objectName: described.object }),
    );
  },

  // Security configuration
  async SetSecurityConfiguration(statement, run) {
    await run.call(updateSecuritySettingsEndpoint, {
      [statement.setting]: statement.value,
      ...(statement.exception === null ? {} : { ExceptionPolicy: statement.exception }),
    });
    return ok(page(run, "/settings"));
  },
  async ShowSecurityConfiguration(_statement, run) {
    const settings = await run.call(getSecuritySettingsEndpoint, {});
    const rows: Cell[][] = [
      ...settings.switches.map((entry): Cell[] => [entry.setting, String(entry.value)]),
      ["ExceptionPolicy", settings.exceptionPolicy.document],
      ["TrustedProjects", settings.trustedProjects.names.join(", ")],
    ];
    return table(["setting", "value"], rows, rows.length, page(run, "/settings"));
  },
  async AddTrustedProject(statement, run) {
    await run.call(addTrustedProjectEndpoint, { trustedProject: statement.project });
    return ok(page(run, "/settings"));
  },
  async RemoveTrustedProject(statement, run) {
    await run.call(removeTrustedProjectEndpoint, { trustedProject: statement.project });
    return ok(page(run, "/settings"));
  },
  async ListTrustedProjects(_statement, run) {
    const settings = await run.call(getSecuritySettingsEndpoint, {});
    const names = settings.trustedProjects.names;
    return table(
      ["project"],
      names.map((name) => [name]),
      names.length,
      page(run, "/settings"),
    );
  },

  // Packages
  async CreatePackage(statement, run) {
    await run.call(createPackageEndpoint, { name: statement.packageName });
    return ok(page(run, `/packages/${encodeURIComponent(statement.packageName)}`));
  },
  async DropPackage(statement, run) {
    await run.call(dropPackageEndpoint, { packageName: statement.packageName });
    return ok(page(run, "/packages"));
  },
  async AddToPackage(statement, run) {
    const { objectType, objectName, packageName, privileges } = statement;
    await run.call(addPackageObjectEndpoint, { packageName, objectType, objectName, privileges });
    return ok(page(run, `/packages/${encodeURIComponent(packageName)}`));
  },
  async RemoveFromPackage(statement, run) {
    const { objectType, objectName, packageName } = statement;
    await run.call(removePackageObjectEndpoint, { packageName, objectType, objectName });
    return ok(page(run, `/packages/${encodeURIComponent(packageName)}`));
  },
  async AllowInstall(statement, run) {
    const { project, packageName, label } = statement;
    await run.call(allowPackageProjectEndpoint, { packageName, allowedProject: project, label: label ?? 0 });
    return ok(page(run, `/packages/${encodeURIComponent(packageName)}`));
  },
  async DisallowInstall(statement, run) {
    const { project, packageName } = statement;
    await run.call(disallowPackageProjectEndpoint, { packageName, allowedProject: project });
    return ok(page(run, `/packages/${encodeURIComponent(packageName)}`));
  },
  async InstallPackage(statement, run) {
    const named = `${statement.ownerProject}.${statement.packageName}`;
    await run.call(installPackageEndpoint, { package: named });
    return ok(page(run, `/packages/${encodeURIComponent(named)}`));
  },
  async UninstallPackage(statement, run) {
    await run.call(uninstallPackageEndpoint, { package: `${statement.ownerProject}.${statement.packageName}` });
    return ok(page(run, "/packages"));
  },
  async ShowPackages(_statement, run) {
    const packages = await run.call(listPackagesEndpoint, { pageSize: ROWS });
    return table(
      ["package", "objects", "allowed projects", "installations", "description"],
      packages.items.map((pkg) => [pkg.name, pkg.objects, pkg.allowedProjects, pkg.installations, pkg.description]),
      packages.total,
      page(run, "/packages"),
    );
  },
  async DescribePackage(statement, run) {
    const described = await run.call(describePackageEndpoint, { packageName: statement.packageName });
    const rows: Cell[][] = described.objects.map((object) => [
      "object",
      `${object.type.toLowerCase()} ${object.name}`,
      object.privileges.join(", "),
    ]);
    if (described.side === "provider")
      rows.push(
        ...described.allowedProjects.map((allowed): Cell[] => [
          "allowed project",
          allowed.project,
          `label ${allowed.label}`,
        ]),
      );
    else rows.push(...described.grants.map((grant): Cell[] => ["grant", grant.grantee, grant.privilege]));
    return table(
      ["kind", "name", "detail"],
      rows,
      rows.length,
      page(run, `/packages/${encodeURIComponent(described.name)}`),
    );
  },

  // Policies
  async GetPolicy(statement, run) {
    const policy = await run.call(getPolicyEndpoint, { role: statement.role });
    return table(
      ["policy", "version", "document"],
      [[policy.label, policy.version, policy.document]],
      1,
      page(run, "/policies", statement.role === null ? {} : { role: statement.role }),
    );
  },
  async PutPolicy(statement, run) {
    // The form saves over the version it was opened at; a statement saves over the current one. Reading the
    // number needs no authority: the save itself is authorized before anything is revealed.
    const current = await prisma.policy.findFirst({
      where: {
        project: { name: { equals: run.project, mode: "insensitive" } },
        ...(statement.role === null
          ? { roleId: null }
          : { role: { name: { equals: statement.role, mode: "insensitive" } } }),
      },
      select: { version: true },
    });
    await run.call(savePolicyEndpoint, {
      role: statement.role,
      document: statement.document,
      version: current?.version ?? 0,
    });
    return ok(page(run, "/policies", statement.role === null ? {} : { role: statement.role }));
  },

  // IP whitelist: the property's whole value, applied as the form's removals and additions.
  async SetWhitelist(statement, run) {
    const current = await run.call(listWhitelistEndpoint, {});
    const wanted = new Set(statement.entries.map((entry) => entry.toLowerCase()));
    const have = new Set(current.entries.map((entry) => entry.value.toLowerCase()));
    const additions = statement.entries.filter(
      (entry, at) => !have.has(entry.toLowerCase()) && statement.entries.indexOf(entry) === at,
    );
    const removals = current.entries.filter((entry) => !wanted.has(entry.value.toLowerCase()));
    for (const value of additions) await run.call(addWhitelistEntryEndpoint, { value, description: "SETPROJECT" });
    for (const entry of removals) await run.call(removeWhitelistEntryEndpoint, { entryId: entry.id });
    return ok(page(run, "/whitelists"), `${additions.length} added, ${removals.length} removed.`);
  },

  async WhoAmI(_statement, run) {
    const me = await run.call(whoAmIEndpoint, {});
    return table(
      ["principal", "name", "tenant", "permissions"],
      [[me.principal, me.displayName, me.tenant, me.permissions.join(", ")]],
      1,
      "/access-keys",
    );
  },
};

/**
 * Runs a form's operation on the member a statement names (the member forms pick ids from a list). A name that
 * is no member goes to the form as an id of nobody, so the form decides first: a caller it refuses learns
 * nothing about who belongs to the project; only a refusal about the target itself (which the engine gives to
 * callers it would otherwise allow) becomes a NOT_FOUND naming the principal.
 */
async function asMember<T>(run: StatementRunner, principal: string, act: (userId: string) => Promise<T>): Promise<T> {
  const userId = await run.memberId(principal);
  try {
    return await act(userId ?? NOBODY);
  } catch (error) {
    if (userId === null && error instanceof AppError && refusesUnknownTarget(error) && (await run.scope()))
      throw new AuditedRefusal("NOT_FOUND", `${principal} is not a member of ${run.project}.`, undefined, {
        name: principal,
      });
    throw error;
  }
}

/** The form's refusal is about the target alone: no such member (NOT_FOUND), or the engine's target rule. */
function refusesUnknownTarget(error: AppError): boolean {
  if (error.code === "NOT_FOUND") return true;
  const steps = (error.details as { steps?: { ruleId?: string | null }[] } | undefined)?.steps ?? [];
  return error.code === "FORBIDDEN" && steps.some((step) => step.ruleId === "target:not-member");
}

function grantsPage(run: StatementRunner, type: "User" | "Role", name: string): string {
  if (name === "") return page(run, "/grants");
  return page(run, "/grants", { view: "principal", principal: type === "Role" ? `${ROLE_PREFIX}${name}` : name });
}

interface GrantList {
  items: {
    privilege: string;
    objectType: string;
    objectName: string;
    columns: string[];
    grantee: { type: string; name: string };
    validThrough: string | null;
    expired: boolean;
  }[];
  total: number;
}

function grantTable(grants: GrantList, href: string): StatementOutcome {
  return table(
    ["privilege", "object type", "object", "columns", "grantee", "valid through", "expired"],
    grants.items.map((grant) => [
      grant.privilege,
      grant.objectType,
      grant.objectName,
      grant.columns.join(", "),
      `${grant.grantee.type.toLowerCase()} ${grant.grantee.name}`,
      grant.validThrough,
      grant.expired,
    ]),
    grants.total,
    href,
  );
}

/**
 * The grants a REVOKE names (one row per privilege): on that object (those very columns, or the whole object),
 * to that user or role. Looked up in the scope the actor sees; each is then revoked through the form's own
 * operation, which decides whether the actor may.
 */
async function matchingGrantIds(
  statement: Extract<Statement, { kind: "RevokePrivileges" }>,
  run: StatementRunner,
): Promise<string[]> {
  const project = await run.scope();
  if (!project) return [];
  const object = findGrantObject(project, statement.objectType, statement.objectName);
  const grantee = await resolveGrantee(project, statement.granteeType, statement.grantee);
  if (!object || !grantee) return [];
  const columns = [...new Set(statement.columns.map((column) => column.toLowerCase()))].sort();
  const rows = await prisma.aclGrant.findMany({
    where: {
      projectId: project.id,
      ...object.where,
      objectType: DB_OBJECT_TYPE[statement.objectType],
      privilege: { in: statement.privileges },
      ...(grantee.type === "Role" ? { granteeRoleId: grantee.roleId } : { granteeUserId: grantee.userId }),
    },
    select: { id: true, columns: true },
  });
  return rows.filter((row) => [...row.columns].sort().join(",") === columns.join(",")).map((row) => row.id);
}
