import type { ObjectType } from "../model/privileges";

/**
 * Policy resources are `acs:odps:<region>:projects/<project>[/<collection>/<name>[/columns/<column>]]`.
 * The region segment is not compared (MaxCompute writes `*`); the path after it is matched, lower-cased,
 * against every path that names the requested object.
 */
const COLLECTION: Readonly<Record<Exclude<ObjectType, "Project">, string>> = {
  Table: "tables",
  View: "views",
  Function: "functions",
  Resource: "resources",
  Instance: "instances",
  Package: "packages",
};

const RESOURCE_PREFIX = /^acs:odps:[^:]*:/i;

/** The matched path of a resource pattern, lower-cased; null when the resource is not a MaxCompute one. */
export function resourcePathPattern(resource: string): string | null {
  const match = RESOURCE_PREFIX.exec(resource);
  return match ? resource.slice(match[0].length).toLowerCase() : null;
}

/**
 * Paths naming an object (names already lower-cased). A view answers to `tables/<v>` too, as MaxCompute
 * treats views as tables; a column read answers to its table's paths and to `<table path>/columns/<c>`.
 */
export function objectPaths(project: string, type: ObjectType, name: string, column: string | null): string[] {
  if (type === "Project") return [`projects/${project}`];
  const paths = [`projects/${project}/${COLLECTION[type]}/${name}`];
  if (type === "View") paths.push(`projects/${project}/tables/${name}`);
  if (column !== null) for (const path of [...paths]) paths.push(`${path}/columns/${column}`);
  return paths;
}
