"use server";

import { serverAction } from "@/lib/endpoint/server-action";
import { assignRoleEndpoint } from "@/lib/services/roles/assign-role";
import { createRoleEndpoint } from "@/lib/services/roles/create-role";
import { dropRoleEndpoint } from "@/lib/services/roles/drop-role";
import { revokeRoleEndpoint } from "@/lib/services/roles/revoke-role";

export const createRoleAction = serverAction(createRoleEndpoint);
export const dropRoleAction = serverAction(dropRoleEndpoint);
export const assignRoleAction = serverAction(assignRoleEndpoint);
export const revokeRoleAction = serverAction(revokeRoleEndpoint);
