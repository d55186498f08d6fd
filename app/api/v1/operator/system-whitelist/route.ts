import { routeHandler } from "@/lib/endpoint/route-handler";
import { addSystemWhitelistEntryEndpoint } from "@/lib/services/operator/add-system-whitelist-entry";
import { listSystemWhitelistEndpoint } from "@/lib/services/operator/list-system-whitelist";

export const GET = routeHandler(listSystemWhitelistEndpoint);
export const POST = routeHandler(addSystemWhitelistEntryEndpoint);
