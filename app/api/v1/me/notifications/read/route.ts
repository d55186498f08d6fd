import { routeHandler } from "@/lib/endpoint/route-handler";
import { markNotificationsReadEndpoint } from "@/lib/services/notifications/mark-notifications-read";

export const POST = routeHandler(markNotificationsReadEndpoint);
