import { decide, inspects, withoutStatementText, type Decision, type ObjectType } from "@/lib/authz";
import type { ScopedProject } from "@/lib/authorize/project-scope";
import { principalOf, requestContextOf } from "@/lib/authorize/request-principal";
import type { ServiceContext } from "@/lib/context/service-context";

/**
 * What of the project's catalog and policies the ACTOR may learn, decided by the engine for the actor's own
 * request: its administrators everything; anyone else the objects they may List (List on the project) or
 * Describe (Read for functions and resources), the columns of those they may Describe, and no policy text.
 */
export interface CatalogVisibility {
  administrator: boolean;
  listsObjects: boolean;
  /** `project`: the owning project of an object reached through a package installed here. */
  describes(type: ObjectType, name: string, project?: string | null): boolean;
  /** A decision as the actor may read it (statement text stripped for non-administrators). */
  told(decision: Decision): Decision;
}

const DESCRIBE_PRIVILEGE: Partial<Record<ObjectType, "Describe" | "Read">> = {
  Table: "Describe",
  View: "Describe",
  Function: "Read",
  Resource: "Read",
};

export function catalogVisibility(ctx: ServiceContext, project: ScopedProject): CatalogVisibility {
  const { index } = project;
  const allowed = (
    action: "List" | "Describe" | "Read",
    object: { type: ObjectType; name: string; project?: string },
  ) =>
    decide(index, {
      principal: principalOf(ctx.actor),
      project: project.name,
      action,
      object,
      context: requestContextOf(ctx),
    }).effect === "Allow";
  if (inspects(index, ctx.actor)) {
    return { administrator: true, listsObjects: true, describes: () => true, told: (decision) => decision };
  }
  const privilege = (type: ObjectType) => DESCRIBE_PRIVILEGE[type];
  return {
    administrator: false,
    listsObjects: allowed("List", { type: "Project", name: project.name }),
    describes: (type, name, owner) => {
      const action = privilege(type);
      return action !== undefined && allowed(action, { type, name, ...(owner ? { project: owner } : {}) });
    },
    told: withoutStatementText,
  };
}
