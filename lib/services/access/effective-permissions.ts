import { z } from "zod";
import { decide, OBJECT_TYPES, type ObjectType, type Privilege, type RequestContext } from "@/lib/authz";
import { projectInScope, type ScopedProject } from "@/lib/authorize/project-scope";
import type { ServiceContext } from "@/lib/context/service-context";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import { pageWindow, paginationFields } from "@/lib/services/pagination";
import { allowanceOf, type Allowance } from "@/lib/shared/access-source";
import { catalogVisibility, type CatalogVisibility } from "./support/catalog-visibility";
import { requestablePrivilegesOf } from "./check-access";
import { decisionContext, decisionContextFields, describedContext, optionalField } from "./support/decision-context";
import { principalReferenceField } from "./support/principal-reference";
import { standingOf } from "./support/project-directory";
import { resolvePrincipal, type ResolvedPrincipal } from "./support/resolve-principal";
import { projectField } from "@/lib/services/project-field";

export const effectivePermissionsInput = z.object({
  project: projectField,
  /** Omitted: the actor. */
  principal: optionalField(principalReferenceField),
  /** Part of an object's name. */
  q: optionalField(z.string().trim().max(100)),
  ...paginationFields(25, 100),
  ...decisionContextFields,
});

export type HeldPrivilege = Allowance & { privilege: Privilege };

export interface ObjectAccess {
  type: ObjectType;
  name: string;
  /** The owning project of an object reached through an installed package; null for this project's own. */
  project: string | null;
  columnCount: number;
  privileges: HeldPrivilege[];
  /** Columns a Select is refused by LabelSecurity (above the user's clearance, no unexpired label grant). */
  hiddenByLabel: string[];
}

export interface LabelGrantSummary {
  id: string;
  object: string;
  columns: string[] | null;
  level: number;
  expiresAt: string;
  expired: boolean;
  text: string;
}

interface InspectedObject {
  type: ObjectType;
  name: string;
  project: string | null;
  columns: readonly string[];
}

/** This project's catalog (the project itself first) and the objects packages installed here bring in. */
function inspectedObjects(project: ScopedProject, q: string | undefined): InspectedObject[] {
  const { index } = project;
  const own = index.objects.map((object): InspectedObject => ({
    type: object.type,
    name: object.type === "Project" ? project.name : object.name,
    project: null,
    columns: object.columns,
  }));
  const foreign = [...index.foreignObjects.keys()].map((key): InspectedObject => {
    // Keys are `<owner project>:<type>:<name>` (lib/authz foreignKey).
    const [owner, type, ...name] = key.split(":");
    return { type: type as ObjectType, name: name.join(":"), project: owner!, columns: [] };
  });
  const needle = q?.toLowerCase();
  const order = (object: InspectedObject) => OBJECT_TYPES.indexOf(object.type);
  return [...own, ...foreign]
    .filter((object) => needle === undefined || object.name.toLowerCase().includes(needle))
    .sort(
      (a, b) => (a.project ?? "").localeCompare(b.project ?? "") || order(a) - order(b) || a.name.localeCompare(b.name),
    );
}

/** The objects the actor may learn of: their administrators all; others those they may List or Describe. */
function visibleTo(visibility: CatalogVisibility, object: InspectedObject): boolean {
  if (object.type === "Project" || visibility.administrator) return true;
  if (object.project === null && visibility.listsObjects) return true;
  return visibility.describes(object.type, object.name, object.project);
}

function objectAccess(
  project: ScopedProject,
  principal: ResolvedPrincipal,
  object: InspectedObject,
  context: RequestContext,
  visibility: CatalogVisibility,
): ObjectAccess {
  const privileges: HeldPrivilege[] = [];
  let hiddenByLabel: string[] = [];
  for (const privilege of requestablePrivilegesOf(object.type)) {
    const decision = decide(project.index, {
      principal: principal.request,
      project: project.name,
      action: privilege,
      object: { type: object.type, name: object.name, ...(object.project ? { project: object.project } : {}) },
      context,
    });
    const allowance = allowanceOf(project.index, visibility.told(decision));
    if (allowance) privileges.push({ privilege, ...allowance });
    if (privilege === "Select") {
      hiddenByLabel = decision.columns
        .filter((column) => column.effect === "Deny" && column.decidedBy === "LabelSecurity")
        .map((column) => column.column);
    }
  }
  // Column names only to whoever may Describe the object.
  if (!visibility.describes(object.type, object.name, object.project)) hiddenByLabel = [];
  return {
    type: object.type,
    name: object.name,
    project: object.project,
    columnCount: object.columns.length,
    privileges,
    hiddenByLabel,
  };
}

function labelGrantsOf(project: ScopedProject, userId: string | null, now: number): LabelGrantSummary[] {
  const { index } = project;
  const userInt = userId === null ? undefined : index.userById.get(userId);
  if (userInt === undefined) return [];
  const roles = index.users[userInt]!.roles;
  // The user's own label grants and those of their roles (a role's grant covers each member).
  return [...index.labelGrants.entries()].flatMap(([objectInt, grants]) =>
    grants
      .filter((grant) => grant.userInt === userInt || (grant.roleInt >= 0 && roles.includes(grant.roleInt)))
      .map((grant) => ({
        id: grant.id,
        object: index.objects[objectInt]!.name,
        columns: grant.columns ? [...grant.columns] : null,
        level: grant.level,
        expiresAt: new Date(grant.expiresAt).toISOString(),
        expired: grant.expiresAt <= now,
        text: grant.text,
      })),
  );
}

/**
 * What a principal may do in a project: every object × privilege the engine allows, with where each comes
 * from, plus their label clearance, label grants and the columns LabelSecurity hides from them. Decided by
 * the engine itself, one page of objects at a time.
 */
export async function effectivePermissions(ctx: ServiceContext, input: z.output<typeof effectivePermissionsInput>) {
  const project = await projectInScope(ctx, input.project);
  const principal = await resolvePrincipal(ctx, project, input.principal);
  const context = decisionContext(ctx, input);
  const visibility = catalogVisibility(ctx, project);
  const objects = inspectedObjects(project, input.q).filter((object) => visibleTo(visibility, object));
  const { skip, take } = pageWindow(input);
  const items = objects
    .slice(skip, skip + take)
    .map((object) => objectAccess(project, principal, object, context, visibility));
  const { index } = project;
  const user = index.users[index.userById.get(principal.summary.userId ?? "") ?? -1];
  // Identity and the whitelist refuse before any privilege is looked at: say so once, not on every row.
  const gate = decide(index, {
    principal: principal.request,
    project: project.name,
    action: "Read",
    object: { type: "Project", name: project.name },
    context,
  }).steps.find((step) => (step.layer === "Identity" || step.layer === "Whitelist") && step.verdict === "Deny");
  return {
    project: project.name,
    principal: principal.summary,
    context: describedContext(context),
    standing: user ? standingOf(index, user) : null,
    gate: gate ? { layer: gate.layer, text: gate.text } : null,
    labelSecurity: index.config.labelSecurity,
    labelGrants: labelGrantsOf(project, principal.summary.userId, context.time),
    items,
    total: objects.length,
    page: input.page,
    pageSize: input.pageSize,
  };
}

export type EffectivePermissions = Awaited<ReturnType<typeof effectivePermissions>>;

export const effectivePermissionsEndpoint = defineEndpoint({
  name: "access.effective-permissions",
  input: effectivePermissionsInput,
  // Any signed-in user may read their own; the service decides who may read others'.
  permission: "signed-in",
  run: effectivePermissions,
});
