"use server";

import { serverAction } from "@/lib/endpoint/server-action";
import { clearExpiredLabelGrantsEndpoint } from "@/lib/services/labels/clear-expired-label-grants";
import { grantLabelEndpoint } from "@/lib/services/labels/grant-label";
import { revokeLabelEndpoint } from "@/lib/services/labels/revoke-label";
import { setClearanceEndpoint } from "@/lib/services/labels/set-clearance";
import { setObjectLabelEndpoint } from "@/lib/services/labels/set-object-label";

export const setClearanceAction = serverAction(setClearanceEndpoint);
export const setObjectLabelAction = serverAction(setObjectLabelEndpoint);
export const grantLabelAction = serverAction(grantLabelEndpoint);
export const revokeLabelAction = serverAction(revokeLabelEndpoint);
export const clearExpiredLabelGrantsAction = serverAction(clearExpiredLabelGrantsEndpoint);
