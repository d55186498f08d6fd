import { z } from "zod";
import { authorizeInspection } from "@/lib/authorize/authorize-administrator";
import { projectInScope } from "@/lib/authorize/project-scope";
import type { ServiceContext } from "@/lib/context/service-context";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import { adminVerdict, type AdminVerdict } from "@/lib/authorize/admin-verdict";
import { paginationFields } from "@/lib/services/pagination";
import { projectField } from "@/lib/services/project-field";

export const listClearancesInput = z.object({
  project: projectField,
  q: z.string().trim().max(200).optional(),
  /** Absent or empty: members and roles. */
  kind: z.preprocess((value) => (value === "" ? undefined : value), z.enum(["User", "Role"]).optional()),
  ...paginationFields(25, 100),
});

export interface ClearanceRow {
  kind: "User" | "Role";
  id: string;
  name: string;
  /** SET LABEL n TO USER/ROLE. */
  own: number;
  /** A member's effective clearance: the highest of their own and their roles' (a role: its own). */
  effective: number;
  /** For a member: the roles they hold, with each role's clearance. */
  roles: { name: string; clearance: number }[];
  /** Owner and Super_Administrator/Admin holders are not restricted by labels. */
  exempt: boolean;
}

export interface ClearancesView {
  project: string;
  items: ClearanceRow[];
  total: number;
  page: number;
  pageSize: number;
  labelSecurity: boolean;
  change: AdminVerdict;
}

/** Members and roles with their clearances (from the decision index: exactly what the engine uses). */
export async function listClearances(
  ctx: ServiceContext,
  input: z.output<typeof listClearancesInput>,
): Promise<ClearancesView> {
  const project = await projectInScope(ctx, input.project);
  authorizeInspection(ctx, project, "see its clearances");
  const { index } = project;
  const q = input.q?.toLowerCase() ?? "";
  const users: ClearanceRow[] = index.users
    .filter((user) => user.isMember && user.int !== index.project.ownerInt)
    .map((user) => ({
      kind: "User" as const,
      id: user.id,
      name: user.displayName,
      own: user.ownClearance,
      effective: user.clearance,
      roles: user.roles.map((int) => ({ name: index.roles[int]!.name, clearance: index.roles[int]!.clearance })),
      exempt: user.adminRole !== null,
    }));
  const roles: ClearanceRow[] = index.roles.map((role) => ({
    kind: "Role" as const,
    id: role.id,
    name: role.name,
    own: role.clearance,
    effective: role.clearance,
    roles: [],
    exempt: role.kind !== "Custom",
  }));
  const rows = [...users, ...roles]
    .filter((row) => (input.kind === undefined || row.kind === input.kind) && row.name.toLowerCase().includes(q))
    .sort((a, b) => a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name));
  const start = (input.page - 1) * input.pageSize;
  return {
    project: project.name,
    items: rows.slice(start, start + input.pageSize),
    total: rows.length,
    page: input.page,
    pageSize: input.pageSize,
    labelSecurity: index.config.labelSecurity,
    change: adminVerdict(ctx, project, { kind: "SetRoleLabel", roleName: "analyst" }),
  };
}

export const listClearancesEndpoint = defineEndpoint({
  name: "label.list-clearances",
  input: listClearancesInput,
  permission: "project.inspect",
  run: listClearances,
});
