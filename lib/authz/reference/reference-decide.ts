/**
 * Reference evaluator: the same rules as the engine, written for clarity rather than speed. It reads the
 * snapshot directly (linear scans, no index) and is used by the property tests and the benchmark baseline.
 * It shares only parsers, condition operators and the resource naming with the engine.
 */
import type { Layer } from "../model/layers";
import { LAYER_ORDER } from "../model/layers";
import { isDataRead, isPrivilegeOf, privilegeMask, privilegeBit, type Privilege } from "../model/privileges";
import { compileCondition } from "../policy/conditions";
import { parseConditionBlock, parsePolicyDocument, type PolicyStatement } from "../policy/policy-document";
import { objectPaths, resourcePathPattern } from "../policy/resource-path";
import type { AccessRequest } from "../request";
import type { SecuritySnapshot, SnapshotGrant, SnapshotUser } from "../snapshot";
import { globMatches } from "./glob";
import { entryContains } from "./ip-match";

export interface ReferenceDecision {
  effect: "Allow" | "Deny";
  decidedBy: Layer;
  columns: { column: string; effect: "Allow" | "Deny"; decidedBy: Layer }[];
}

type Verdict = "Allow" | "Deny" | "Pass";
type Unit = string | null;

const lower = (text: string) => text.toLowerCase();

function last<T>(items: readonly T[], predicate: (item: T) => boolean): T | undefined {
  return items.filter(predicate).at(-1);
}

function holds(privileges: readonly Privilege[], action: Privilege): boolean {
  return (privilegeMask(privileges) & privilegeBit(action)) !== 0;
}

function conditionHolds(text: string | null, request: AccessRequest): boolean {
  if (text === null) return true;
  const parsed = parseConditionBlock(text);
  return parsed.ok && compileCondition(parsed.condition)(request.context) === true;
}

export function referenceDecide(snapshot: SecuritySnapshot, request: AccessRequest): ReferenceDecision {
  const project = lower(snapshot.project.name);
  const { object, action, context } = request;
  const invalid: ReferenceDecision = { effect: "Deny", decidedBy: "Default", columns: [] };

  // Request shape.
  const name = lower(object.name);
  const owningProject = object.project === undefined ? project : lower(object.project);
  const foreign = owningProject !== project;
  const columnRead = isDataRead(object.type, action);
  if (lower(request.project) !== project || !isPrivilegeOf(object.type, action)) return invalid;
  if (object.columns !== undefined && !columnRead) return invalid;
  if (object.type === "Project" && (foreign || name !== project)) return invalid;
  const catalogObject = foreign
    ? undefined
    : snapshot.objects.find((candidate) => candidate.type === object.type && lower(candidate.name) === name);
  let units: Unit[] = [null];
  if (columnRead && object.columns !== undefined) units = [...new Set(object.columns.map(lower))];
  else if (columnRead && catalogObject && catalogObject.columns.length > 0) units = catalogObject.columns.map(lower);
  const deny = (decidedBy: Layer): ReferenceDecision => ({
    effect: "Deny",
    decidedBy,
    columns: columnRead
      ? units.filter((unit) => unit !== null).map((column) => ({ column, effect: "Deny", decidedBy }))
      : [],
  });

  // Identity.
  const user = snapshot.users.find((candidate) => candidate.id === request.principal.userId);
  const principal = request.principal;
  if (
    !user ||
    user.accountId !== principal.accountId ||
    user.kind !== principal.kind ||
    user.disabled ||
    principal.disabled
  )
    return deny("Identity");
  if (user.kind === "sub" && user.accountId !== snapshot.project.accountId) return deny("Identity");
  const isOwner =
    snapshot.project.ownerUserId === user.id &&
    user.kind === "primary" &&
    user.accountId === snapshot.project.accountId;
  const isMember = snapshot.members.some((member) => member.userId === user.id && member.removedAt === null);
  // An account-level Super_Administrator or Admin counts only in projects of its own account, member or not.
  const accountRole = user.accountId === snapshot.project.accountId ? (user.accountRole ?? null) : null;
  if (!isOwner && !isMember && accountRole === null) return deny("Identity");
  const roleIds = snapshot.roleAssignments
    .filter((a) => a.userId === user.id && snapshot.roles.some((r) => r.id === a.roleId))
    .map((a) => a.roleId);
  const roles = snapshot.roles.filter((role) => roleIds.includes(role.id));
  const exempt = isOwner || roles.some((role) => role.kind !== "Custom") || accountRole !== null;

  // Whitelist.
  for (const list of [snapshot.whitelist.system, snapshot.whitelist.project]) {
    if (list.length === 0) continue;
    if (context.sourceIp === undefined || !list.some((entry) => entryContains(entry, context.sourceIp!)))
      return deny("Whitelist");
  }

  const layers: { layer: Layer; verdict: (unit: Unit) => Verdict }[] = [
    { layer: "Identity", verdict: () => (exempt && !foreign ? "Allow" : "Pass") },
    { layer: "LabelSecurity", verdict: (unit) => labelVerdict(unit) },
    { layer: "Policy", verdict: (unit) => policyVerdict(unit) },
    { layer: "ACL", verdict: (unit) => aclVerdict(unit) },
    { layer: "Package", verdict: (unit) => packageVerdict(unit) },
    { layer: "ProjectProtection", verdict: () => protectionVerdict() },
  ];

  function labelOf(tableLevel: number, columnLevels: Map<string, number>, unit: Unit): number {
    if (unit !== null) return columnLevels.get(unit) ?? tableLevel;
    return Math.max(tableLevel, ...columnLevels.values());
  }

  function foreignEntries() {
    return snapshot.packages.flatMap((pkg) => {
      const install = pkg.installedInto.find((candidate) => candidate.projectId === snapshot.project.id);
      if (lower(pkg.ownerProject) !== owningProject || !install) return [];
      return pkg.objects
        .filter(
          (shared) => shared.type === object.type && lower(shared.name) === name && holds(shared.privileges, action),
        )
        .map((shared) => ({
          pkg,
          install,
          labelAllows: (unit: Unit) =>
            !pkg.labelSecurity ||
            labelOf(shared.label, new Map(Object.entries(shared.columnLabels).map(([c, l]) => [lower(c), l])), unit) <=
              install.label,
        }));
    });
  }

  /** Own label and every role's label, the highest counting. */
  function clearance(): number {
    const own = last(snapshot.labels.users, (l) => l.userId === user!.id)?.level ?? 0;
    const fromRoles = roleIds.map(
      (roleId) => last(snapshot.labels.roles ?? [], (l) => l.roleId === roleId)?.level ?? 0,
    );
    return Math.max(own, ...fromRoles);
  }

  function objectLevels(objectId: string): { tableLevel: number; columnLevels: Map<string, number> } {
    const tableLevel = last(snapshot.labels.objects, (l) => l.objectId === objectId && l.column === null)?.level ?? 0;
    const columnLevels = new Map<string, number>();
    for (const label of snapshot.labels.objects)
      if (label.objectId === objectId && label.column !== null) columnLevels.set(lower(label.column), label.level);
    return { tableLevel, columnLevels };
  }

  /** No-WriteDown: an Update on a table or view is denied when any column it fills is labelled below the clearance. */
  function writeDownVerdict(): Verdict {
    if (!snapshot.config.labelSecurity || !snapshot.config.noWriteDown || foreign || exempt || !catalogObject)
      return "Pass";
    const { tableLevel, columnLevels } = objectLevels(catalogObject.id);
    const levels =
      catalogObject.columns.length === 0
        ? [tableLevel]
        : catalogObject.columns.map((column) => columnLevels.get(lower(column)) ?? tableLevel);
    return Math.min(...levels) < clearance() ? "Deny" : "Pass";
  }

  function labelVerdict(unit: Unit): Verdict {
    if (action === "Update" && (object.type === "Table" || object.type === "View")) return writeDownVerdict();
    if (!columnRead) return "Pass";
    if (foreign) {
      const entries = foreignEntries();
      return entries.length === 0 || entries.some((entry) => entry.labelAllows(unit)) ? "Pass" : "Deny";
    }
    if (!snapshot.config.labelSecurity || exempt || !catalogObject) return "Pass";
    const { tableLevel, columnLevels } = objectLevels(catalogObject.id);
    const level = labelOf(tableLevel, columnLevels, unit);
    if (level <= clearance()) return "Pass";
    const covered = snapshot.labelGrants.some(
      (grant) =>
        grant.objectId === catalogObject.id &&
        (grant.userId === user!.id || (grant.roleId !== undefined && roleIds.includes(grant.roleId))) &&
        grant.expiresAt > context.time &&
        grant.level >= level &&
        (grant.columns === null || (unit !== null && grant.columns.map(lower).includes(unit))),
    );
    return covered ? "Pass" : "Deny";
  }

  function statementApplies(statement: PolicyStatement, roleId: string | null, who: SnapshotUser): boolean {
    if (roleId !== null && !roleIds.includes(roleId)) return false;
    return (
      statement.Principal === undefined ||
      statement.Principal.some((pattern) => globMatches(lower(pattern), lower(who.principalName)))
    );
  }

  function statementMatches(statement: PolicyStatement, paths: string[]): boolean | "error" {
    if (!statement.Action.some((pattern) => globMatches(lower(pattern), lower(`odps:${action}`)))) return false;
    if (
      !statement.Resource.some((resource) =>
        paths.some((path) => globMatches(resourcePathPattern(resource) ?? "", path)),
      )
    )
      return false;
    if (!statement.Condition) return true;
    const outcome = compileCondition(statement.Condition)(context);
    return typeof outcome === "string" ? "error" : outcome;
  }

  /** Allow if an Allow statement matches and no Deny does; a Deny that errors still denies. */
  function evaluateStatements(
    statements: { statement: PolicyStatement; roleId: string | null }[],
    paths: string[],
  ): Verdict {
    let allowed = false;
    for (const { statement, roleId } of statements) {
      if (!statementApplies(statement, roleId, user!)) continue;
      const matched = statementMatches(statement, paths);
      if (statement.Effect === "Deny" && matched !== false) return "Deny";
      if (statement.Effect === "Allow" && matched === true) allowed = true;
    }
    return allowed ? "Allow" : "Pass";
  }

  function policyVerdict(unit: Unit): Verdict {
    if (foreign || !snapshot.config.checkPermissionUsingPolicy || exempt) return "Pass";
    const statements: { statement: PolicyStatement; roleId: string | null }[] = [];
    for (const policy of snapshot.policies) {
      if (policy.roleId !== null && !snapshot.roles.some((role) => role.id === policy.roleId)) continue;
      const parsed = parsePolicyDocument(policy.document, policy.roleId === null ? "project" : "role");
      if (!parsed.ok) {
        if (policy.roleId === null || roleIds.includes(policy.roleId)) return "Deny";
        continue;
      }
      for (const statement of parsed.document.Statement) statements.push({ statement, roleId: policy.roleId });
    }
    return evaluateStatements(statements, objectPaths(project, object.type, name, unit));
  }

  function grantAllows(grant: SnapshotGrant, targetId: string, privilege: Privilege, unit: Unit): boolean {
    const toUser = grant.grantee.type === "User" && grant.grantee.userId === user!.id;
    const toRole = grant.grantee.type === "Role" && roleIds.includes(grant.grantee.roleId);
    return (
      grant.objectId === targetId &&
      (toUser || toRole) &&
      holds(grant.privileges, privilege) &&
      (grant.expiresAt === null || grant.expiresAt > context.time) &&
      (grant.columns === null || (unit !== null && grant.columns.map(lower).includes(unit))) &&
      conditionHolds(grant.condition, request)
    );
  }

  function aclVerdict(unit: Unit): Verdict {
    if (foreign || !snapshot.config.checkPermissionUsingACL || exempt) return "Pass";
    if (catalogObject && snapshot.config.objectCreatorHasAccessPermission && catalogObject.creatorUserId === user!.id)
      return "Allow";
    const targetId =
      object.type === "Project"
        ? snapshot.project.id
        : object.type === "Package"
          ? snapshot.packages.find((pkg) => lower(`${pkg.ownerProject}.${pkg.name}`) === name)?.id
          : catalogObject?.id;
    if (targetId === undefined) return "Pass";
    return snapshot.grants.some((grant) => grantAllows(grant, targetId, action, unit)) ? "Allow" : "Pass";
  }

  function packageVerdict(unit: Unit): Verdict {
    if (!foreign) return "Pass";
    const usable = foreignEntries().filter(
      (entry) => exempt || snapshot.grants.some((grant) => grantAllows(grant, entry.pkg.id, "Read", null)),
    );
    return usable.some((entry) => entry.labelAllows(unit)) ? "Allow" : "Pass";
  }

  function protectionVerdict(): Verdict {
    if (foreign || !snapshot.config.projectProtection) return "Pass";
    // The destination is told apart by id alone; naming one without an id names a project nothing trusts.
    const named = context.targetProject !== undefined || context.targetProjectId !== undefined;
    const target = context.targetProjectId;
    const leaving = columnRead && (action === "Download" || (named && target !== snapshot.project.id));
    if (!leaving) return "Pass";
    if (action !== "Download" && target !== undefined) {
      if (snapshot.trustedProjectIds.includes(target)) return "Pass";
      const shared =
        catalogObject !== undefined &&
        snapshot.packages.some(
          (pkg) =>
            pkg.ownerProjectId === snapshot.project.id &&
            pkg.installedInto.some((install) => install.projectId === target) &&
            pkg.objects.some((o) => o.type === object.type && lower(o.name) === name && holds(o.privileges, action)),
        );
      if (shared) return "Pass";
    }
    if (snapshot.config.exceptionPolicy !== null) {
      const parsed = parsePolicyDocument(snapshot.config.exceptionPolicy, "project");
      if (parsed.ok) {
        const statements = parsed.document.Statement.map((statement) => ({ statement, roleId: null }));
        if (evaluateStatements(statements, objectPaths(project, object.type, name, null)) === "Allow") return "Pass";
      }
    }
    return "Deny";
  }

  // Per unit: the first Deny in layer order wins; else the first Allow; else default deny.
  const outcomes = units.map((unit) => {
    const verdicts = layers.map(({ layer, verdict }) => ({ layer, verdict: verdict(unit) }));
    const denied = verdicts.find((v) => v.verdict === "Deny");
    if (denied) return { unit, effect: "Deny" as const, decidedBy: denied.layer };
    const allowed = verdicts.find((v) => v.verdict === "Allow");
    return allowed
      ? { unit, effect: "Allow" as const, decidedBy: allowed.layer }
      : { unit, effect: "Deny" as const, decidedBy: "Default" as Layer };
  });
  const effect = outcomes.every((o) => o.effect === "Allow") ? "Allow" : "Deny";
  const decidedBy = outcomes
    .filter((o) => o.effect === effect)
    .map((o) => o.decidedBy)
    .sort((a, b) => LAYER_ORDER[a] - LAYER_ORDER[b])[0]!;
  const columns = columnRead
    ? outcomes
        .filter((o) => o.unit !== null)
        .map((o) => ({ column: o.unit!, effect: o.effect, decidedBy: o.decidedBy }))
    : [];
  return { effect, decidedBy, columns };
}
