/** How messages name a whitelist: a project's, or (no project) the platform operator's system whitelist. */
export function whitelistName(project: string | undefined): string {
  return project ? `the whitelist of ${project}` : "the system whitelist";
}
