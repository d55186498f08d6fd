"use server";

import { serverAction } from "@/lib/endpoint/server-action";
import { addWhitelistEntryEndpoint } from "@/lib/services/whitelists/add-whitelist-entry";
import { removeWhitelistEntryEndpoint } from "@/lib/services/whitelists/remove-whitelist-entry";
import { updateWhitelistEntryEndpoint } from "@/lib/services/whitelists/update-whitelist-entry";

export const addWhitelistEntryAction = serverAction(addWhitelistEntryEndpoint);
export const updateWhitelistEntryAction = serverAction(updateWhitelistEntryEndpoint);
export const removeWhitelistEntryAction = serverAction(removeWhitelistEntryEndpoint);
