import {
  decide,
  type Decision,
  type ObjectType,
  type Privilege,
  type RequestContext,
  type RequestPrincipal,
} from "@/lib/authz";
import type { ScopedProject } from "@/lib/authorize/project-scope";
import { memoized } from "@/lib/context/request-memo";
import type { ServiceContext } from "@/lib/context/service-context";
import { catalogVisibility, type CatalogVisibility } from "./catalog-visibility";

/** One question to the engine about an object, as the access views and the decision API ask it. */
export interface EngineQuestion {
  action: Exclude<Privilege, "All">;
  type: ObjectType;
  name: string;
  /** The owning project of an object reached through a package installed in the project; absent = its own. */
  objectProject?: string | undefined;
  columns?: readonly string[] | undefined;
}

/**
 * Asks the engine about `principal` in `project`, and returns the decision as the ACTOR may read it: a
 * caller who may not Describe the object learns no column it did not name, and no policy text unless an
 * administrator (catalogVisibility). The one way check access and the decision API ask, so both tell the
 * same thing. The actor's visibility is computed once per project within ctx.memo (a batch shares it).
 */
export async function askEngine(
  ctx: ServiceContext,
  project: ScopedProject,
  principal: RequestPrincipal,
  question: EngineQuestion,
  context: RequestContext,
): Promise<Decision> {
  const foreign =
    question.objectProject !== undefined && question.objectProject.toLowerCase() !== project.name.toLowerCase();
  const decided = decide(project.index, {
    principal,
    project: project.name,
    action: question.action,
    object: {
      type: question.type,
      name: question.name,
      ...(foreign ? { project: question.objectProject } : {}),
      ...(question.columns ? { columns: [...question.columns] } : {}),
    },
    context,
  });
  const visibility = await memoized<CatalogVisibility>(ctx.memo, `catalogVisibility:${project.id}`, async () =>
    catalogVisibility(ctx, project),
  );
  const told = visibility.told(decided);
  const showsColumns =
    question.columns !== undefined ||
    visibility.describes(question.type, question.name, foreign ? question.objectProject : null);
  return showsColumns ? told : { ...told, columns: [] };
}
