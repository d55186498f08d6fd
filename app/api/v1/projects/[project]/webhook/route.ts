import { routeHandler } from "@/lib/endpoint/route-handler";
import { getWebhookEndpoint } from "@/lib/services/webhooks/get-webhook";
import { removeWebhookEndpoint } from "@/lib/services/webhooks/remove-webhook";
import { setWebhookEndpoint } from "@/lib/services/webhooks/set-webhook";

export const GET = routeHandler(getWebhookEndpoint);
export const PUT = routeHandler(setWebhookEndpoint);
export const DELETE = routeHandler(removeWebhookEndpoint);
