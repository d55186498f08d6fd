import { routeHandler } from "@/lib/endpoint/route-handler";
import { disableAccountAccessKeyEndpoint } from "@/lib/services/access-keys/disable-account-access-key";

export const PATCH = routeHandler(disableAccountAccessKeyEndpoint);
