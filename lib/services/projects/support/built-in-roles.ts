import type { ProjectRoleKind } from "@/lib/generated/prisma/enums";

/** The roles every project is born with (the owner is the project's owner, not a role). */
export const BUILT_IN_ROLES: readonly { name: string; kind: ProjectRoleKind; description: string }[] = [
  {
    name: "Super_Administrator",
    kind: "SUPER_ADMINISTRATOR",
    description: "Operates and manages every resource in the project; can assign Super_Administrator.",
  },
  {
    name: "Admin",
    kind: "ADMIN",
    description:
      "Operates every resource and does basic management; cannot assign roles, set security policy or change the authentication model.",
  },
];
