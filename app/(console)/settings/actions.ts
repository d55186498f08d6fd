"use server";

import { serverAction } from "@/lib/endpoint/server-action";
import { addTrustedProjectEndpoint } from "@/lib/services/settings/add-trusted-project";
import { removeTrustedProjectEndpoint } from "@/lib/services/settings/remove-trusted-project";
import { updateSecuritySettingsEndpoint } from "@/lib/services/settings/update-security-settings";
import { updateApprovalSettingsEndpoint } from "@/lib/services/requests/update-approval-settings";

export const updateSecuritySettingsAction = serverAction(updateSecuritySettingsEndpoint);
export const addTrustedProjectAction = serverAction(addTrustedProjectEndpoint);
export const removeTrustedProjectAction = serverAction(removeTrustedProjectEndpoint);
export const updateApprovalSettingsAction = serverAction(updateApprovalSettingsEndpoint);
