import { randomBytes } from "node:crypto";

/** What a project's webhook secret is sealed to (the envelope's authenticated data): it opens for no other row. */
export const webhookSecretBinding = (projectId: string) => `webhook:${projectId}`;

/** A new signing secret, shown once to whoever set the webhook. */
export const newWebhookSecret = () => `whsec_${randomBytes(24).toString("base64url")}`;
