import { routeHandler } from "@/lib/endpoint/route-handler";
import { removeMemberEndpoint } from "@/lib/services/members/remove-member";

export const DELETE = routeHandler(removeMemberEndpoint);
