import { routeHandler } from "@/lib/endpoint/route-handler";
import { createAccessKeyEndpoint } from "@/lib/services/access-keys/create-access-key";
import { listOwnAccessKeysEndpoint } from "@/lib/services/access-keys/list-own-access-keys";

export const GET = routeHandler(listOwnAccessKeysEndpoint);
export const POST = routeHandler(createAccessKeyEndpoint);
