import { routeHandler } from "@/lib/endpoint/route-handler";
import { listAccountAccessKeysEndpoint } from "@/lib/services/access-keys/list-account-access-keys";

export const GET = routeHandler(listAccountAccessKeysEndpoint);
