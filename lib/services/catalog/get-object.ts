import { z } from "zod";
import { projectInScope } from "@/lib/authorize/project-scope";
import type { ServiceContext } from "@/lib/context/service-context";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import { authorizeAccess } from "@/lib/authorize/authorize-access";
import { CATALOG_PRIVILEGE } from "./support/catalog-privilege";
import { loadCatalogObject, objectRefFields, toDetail, type CatalogObjectDetail } from "./support/catalog-object";

export const getObjectInput = z.object(objectRefFields);

/** One object with its columns (DESC TABLE): needs Describe (Read for functions and resources). */
export async function getObject(
  ctx: ServiceContext,
  input: z.output<typeof getObjectInput>,
): Promise<CatalogObjectDetail> {
  const project = await projectInScope(ctx, input.project);
  authorizeAccess(ctx, project, CATALOG_PRIVILEGE.read[input.type], { type: input.type, name: input.name });
  return toDetail(await loadCatalogObject(project.id, input.type, input.name), input.type);
}

export const getObjectEndpoint = defineEndpoint({
  name: "catalog.get",
  input: getObjectInput,
  permission: "signed-in",
  run: getObject,
});
