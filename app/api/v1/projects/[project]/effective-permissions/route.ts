import { routeHandler } from "@/lib/endpoint/route-handler";
import { effectivePermissionsEndpoint } from "@/lib/services/access/effective-permissions";

export const GET = routeHandler(effectivePermissionsEndpoint);
