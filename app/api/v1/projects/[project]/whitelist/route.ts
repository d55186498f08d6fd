import { routeHandler } from "@/lib/endpoint/route-handler";
import { addWhitelistEntryEndpoint } from "@/lib/services/whitelists/add-whitelist-entry";
import { listWhitelistEndpoint } from "@/lib/services/whitelists/list-whitelist";

export const GET = routeHandler(listWhitelistEndpoint);
export const POST = routeHandler(addWhitelistEntryEndpoint);
