"use server";

import { serverAction } from "@/lib/endpoint/server-action";
import { createSubAccountEndpoint } from "@/lib/services/tenants/create-sub-account";
import { resetPasswordEndpoint } from "@/lib/services/tenants/reset-password";
import { setTenantRoleEndpoint } from "@/lib/services/tenants/set-tenant-role";
import { setUserDisabledEndpoint } from "@/lib/services/tenants/set-user-disabled";

export const setUserDisabledAction = serverAction(setUserDisabledEndpoint);
export const createSubAccountAction = serverAction(createSubAccountEndpoint);
export const resetPasswordAction = serverAction(resetPasswordEndpoint);
export const setTenantRoleAction = serverAction(setTenantRoleEndpoint);
