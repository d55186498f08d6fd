import { routeHandler } from "@/lib/endpoint/route-handler";
import { listNotificationsEndpoint } from "@/lib/services/notifications/list-notifications";

export const GET = routeHandler(listNotificationsEndpoint);
