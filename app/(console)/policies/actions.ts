"use server";

import { serverAction } from "@/lib/endpoint/server-action";
import { dryRunPolicyEndpoint } from "@/lib/services/policies/dry-run-policy";
import { savePolicyEndpoint } from "@/lib/services/policies/save-policy";

export const dryRunPolicyAction = serverAction(dryRunPolicyEndpoint);
export const savePolicyAction = serverAction(savePolicyEndpoint);
