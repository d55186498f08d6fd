/** The page of one role of a project. */
export const roleHref = (project: string, role: string) =>
  `/roles/${encodeURIComponent(role)}?project=${encodeURIComponent(project)}`;
