import { z } from "zod";

/**
 * The `project` input of every project-scoped use case: the name of an existing project, matched without
 * regard to case. Only bounded here; a name outside the actor's scope is answered NOT_FOUND by projectInScope.
 */
export const projectField = z.string().trim().min(1).max(128);
