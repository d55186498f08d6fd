"use server";

import { serverAction } from "@/lib/endpoint/server-action";
import { removeWebhookEndpoint } from "@/lib/services/webhooks/remove-webhook";
import { setWebhookEndpoint } from "@/lib/services/webhooks/set-webhook";

export const setWebhookAction = serverAction(setWebhookEndpoint);
export const removeWebhookAction = serverAction(removeWebhookEndpoint);
