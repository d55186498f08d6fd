import { notFound } from "next/navigation";
import type { SearchParamsRecord } from "@/components/ui/table-params";
import { listProjectNamesEndpoint } from "@/lib/services/projects/list-project-names";
import { getProjectStandingEndpoint } from "@/lib/services/projects/get-project-standing";
import { readPage } from "@/lib/endpoint/read-page";

/**
 * The project a project-scoped page shows: `?project=<name>` when the actor may see it, else their first
 * project. A name outside their scope is a 404, never a hint that it exists. Null when they see none.
 * `readOnly`: the actor reads the project as its account's auditor, so the page offers no form (a courtesy:
 * every change is refused on the server anyway).
 */
export async function pageProject(
  searchParams: SearchParamsRecord,
): Promise<{ current: string; projects: string[]; readOnly: boolean } | null> {
  const read = await readPage(listProjectNamesEndpoint, {});
  // Any signed-in user may list the projects they see; a refusal here is a bug, never a notice.
  if (!read.ok) throw new Error(read.error.message);
  const projects = read.data;
  const asked = searchParams.project;
  const wanted = typeof asked === "string" ? asked : undefined;
  let current: string | undefined;
  if (wanted !== undefined) {
    current = projects.find((name) => name.toLowerCase() === wanted.toLowerCase());
    if (!current) notFound();
  } else current = projects[0];
  if (current === undefined) return null;
  // Refused (e.g. outside the project's whitelist): the page's own read says why; offer nothing meanwhile.
  const standing = await readPage(getProjectStandingEndpoint, { project: current });
  return { current, projects, readOnly: standing.ok ? standing.data.readOnly : true };
}
