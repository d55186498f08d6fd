import { routeHandler } from "@/lib/endpoint/route-handler";
import { removeSystemWhitelistEntryEndpoint } from "@/lib/services/operator/remove-system-whitelist-entry";
import { updateSystemWhitelistEntryEndpoint } from "@/lib/services/operator/update-system-whitelist-entry";

export const PATCH = routeHandler(updateSystemWhitelistEntryEndpoint);
export const DELETE = routeHandler(removeSystemWhitelistEntryEndpoint);
