import { routeHandler } from "@/lib/endpoint/route-handler";
import { setUserDisabledEndpoint } from "@/lib/services/tenants/set-user-disabled";

export const PATCH = routeHandler(setUserDisabledEndpoint);
