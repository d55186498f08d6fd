"use server";

import { serverAction } from "@/lib/endpoint/server-action";
import { markNotificationsReadEndpoint } from "@/lib/services/notifications/mark-notifications-read";

export const markNotificationsReadAction = serverAction(markNotificationsReadEndpoint);
