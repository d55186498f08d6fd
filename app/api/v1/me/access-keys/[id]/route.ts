import { routeHandler } from "@/lib/endpoint/route-handler";
import { deleteOwnAccessKeyEndpoint } from "@/lib/services/access-keys/delete-own-access-key";
import { setOwnAccessKeyStatusEndpoint } from "@/lib/services/access-keys/set-own-access-key-status";

export const PATCH = routeHandler(setOwnAccessKeyStatusEndpoint);
export const DELETE = routeHandler(deleteOwnAccessKeyEndpoint);
