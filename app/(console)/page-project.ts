import { notFound } from "next/navigation";
import type { SearchParamsRecord } from "@/components/ui/table-params";
import { listProjectNamesEndpoint } from "@/lib/services/projects/list-project-names";
import { readPage } from "@/lib/endpoint/read-page";

/**
 * The project a project-scoped page shows: `?project=<name>` when the actor may see it, else their first
 * project. A name outside their scope is a 404, never a hint that it exists. Null when they see none.
 */
export async function pageProject(
  searchParams: SearchParamsRecord,
): Promise<{ current: string; projects: string[] } | null> {
  const read = await readPage(listProjectNamesEndpoint, {});
  // Any signed-in user may list the projects they see; a refusal here is a bug, never a notice.
  if (!read.ok) throw new Error(read.error.message);
  const projects = read.data;
  const asked = searchParams.project;
  const wanted = typeof asked === "string" ? asked : undefined;
  if (wanted !== undefined) {
    const match = projects.find((name) => name.toLowerCase() === wanted.toLowerCase());
    if (!match) notFound();
    return { current: match, projects };
  }
  return projects.length > 0 ? { current: projects[0]!, projects } : null;
}
