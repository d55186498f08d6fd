"use server";

import { serverAction } from "@/lib/endpoint/server-action";
import { grantPrivilegesEndpoint } from "@/lib/services/grants/grant-privileges";
import { revokeGrantEndpoint } from "@/lib/services/grants/revoke-grant";

export const grantPrivilegesAction = serverAction(grantPrivilegesEndpoint);
export const revokeGrantAction = serverAction(revokeGrantEndpoint);
