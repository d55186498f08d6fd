import { decide, type AccessRequest, type ObjectType } from "@/lib/authz";
import type { CatalogType } from "@/lib/catalog/object-spec";
import type { ScopedProject } from "@/lib/decisions/project-scope";
import { principalOf, requestContextOf } from "@/lib/decisions/request-principal";
import type { ServiceContext } from "@/lib/endpoint/context";
import { AppError } from "@/lib/errors";

type Action = AccessRequest["action"];

/** MaxCompute's privilege behind each catalog operation, per object type (CREATE VIEW needs CreateTable). */
export const CATALOG_PRIVILEGE: Record<"create" | "read" | "alter" | "drop", Record<CatalogType, Action>> = {
  create: { Table: "CreateTable", View: "CreateTable", Function: "CreateFunction", Resource: "CreateResource" },
  read: { Table: "Describe", View: "Describe", Function: "Read", Resource: "Read" },
  alter: { Table: "Alter", View: "Alter", Function: "Write", Resource: "Write" },
  drop: { Table: "Drop", View: "Drop", Function: "Delete", Resource: "Delete" },
};

/**
 * Asks the decision engine whether the actor may perform `action` on the object (or, for project-level
 * privileges such as CreateTable and List, on the project) and refuses with its reason if not. The owner,
 * Super_Administrator and Admin hold every privilege; others need a grant, a policy or to be the creator.
 */
export function authorizeAccess(ctx: ServiceContext, project: ScopedProject, action: Action, object?: { type: ObjectType; name: string }) {
  const decision = decide(project.index, {
    principal: principalOf(ctx.actor),
    project: project.name,
    action,
    object: object ?? { type: "Project", name: project.name },
    context: requestContextOf(ctx),
  });
  if (decision.effect !== "Allow") {
    const deciding = decision.steps.find((step) => step.verdict === "Deny") ?? decision.steps.at(-1);
    throw new AppError("FORBIDDEN", deciding?.text ?? `You may not ${action} in project ${project.name}.`, undefined, { steps: decision.steps });
  }
}
