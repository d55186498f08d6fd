"use server";

import { serverAction } from "@/lib/endpoint/server-action";
import { approveRequestEndpoint } from "@/lib/services/requests/approve-request";
import { createRequestEndpoint } from "@/lib/services/requests/create-request";
import { denyRequestEndpoint } from "@/lib/services/requests/deny-request";
import { previewRequestEndpoint } from "@/lib/services/requests/preview-request";
import { withdrawRequestEndpoint } from "@/lib/services/requests/withdraw-request";

export const createRequestAction = serverAction(createRequestEndpoint);
export const previewRequestAction = serverAction(previewRequestEndpoint);
export const approveRequestAction = serverAction(approveRequestEndpoint);
export const denyRequestAction = serverAction(denyRequestEndpoint);
export const withdrawRequestAction = serverAction(withdrawRequestEndpoint);
