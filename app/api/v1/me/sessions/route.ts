import { routeHandler } from "@/lib/endpoint/route-handler";
import { signOutEverywhereEndpoint } from "@/lib/services/auth/sign-out-everywhere";

export const DELETE = routeHandler(signOutEverywhereEndpoint);
