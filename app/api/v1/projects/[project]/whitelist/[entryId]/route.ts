import { routeHandler } from "@/lib/endpoint/route-handler";
import { removeWhitelistEntryEndpoint } from "@/lib/services/whitelists/remove-whitelist-entry";
import { updateWhitelistEntryEndpoint } from "@/lib/services/whitelists/update-whitelist-entry";

export const PATCH = routeHandler(updateWhitelistEntryEndpoint);
export const DELETE = routeHandler(removeWhitelistEntryEndpoint);
