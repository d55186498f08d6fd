"use server";

import { serverAction } from "@/lib/endpoint/server-action";
import { addSystemWhitelistEntryEndpoint } from "@/lib/services/operator/add-system-whitelist-entry";
import { createTenantEndpoint } from "@/lib/services/operator/create-tenant";
import { removeSystemWhitelistEntryEndpoint } from "@/lib/services/operator/remove-system-whitelist-entry";
import { setTenantDisabledEndpoint } from "@/lib/services/operator/set-tenant-disabled";
import { updateSystemWhitelistEntryEndpoint } from "@/lib/services/operator/update-system-whitelist-entry";

export const createTenantAction = serverAction(createTenantEndpoint);
export const setTenantDisabledAction = serverAction(setTenantDisabledEndpoint);
export const addSystemWhitelistEntryAction = serverAction(addSystemWhitelistEntryEndpoint);
export const updateSystemWhitelistEntryAction = serverAction(updateSystemWhitelistEntryEndpoint);
export const removeSystemWhitelistEntryAction = serverAction(removeSystemWhitelistEntryEndpoint);
