/** The page of one package as a project sees it: its own (`p`) or installed (`owner_project.p`). */
export const packageHref = (project: string, name: string) =>
  `/packages/${encodeURIComponent(name)}?project=${encodeURIComponent(project)}`;
