import type { CatalogType } from "@/lib/catalog/object-spec";

/** The console's address of an object's page. */
export const objectHref = (project: string, type: CatalogType, name: string) =>
  `/catalog/${type.toLowerCase()}/${encodeURIComponent(name)}?project=${encodeURIComponent(project)}`;

/** SHOW ACL FOR the object on the Grants page. */
export const objectAclHref = (project: string, type: CatalogType, name: string) =>
  `/grants?${new URLSearchParams({ project, view: "object", objectType: type, objectName: name }).toString()}`;
