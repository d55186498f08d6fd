import { routeHandler } from "@/lib/endpoint/route-handler";
import { addPackageObjectEndpoint } from "@/lib/services/packages/add-package-object";
import { removePackageObjectEndpoint } from "@/lib/services/packages/remove-package-object";

export const POST = routeHandler(addPackageObjectEndpoint);
export const DELETE = routeHandler(removePackageObjectEndpoint);
