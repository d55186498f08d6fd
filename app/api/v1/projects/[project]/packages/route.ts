import { routeHandler } from "@/lib/endpoint/route-handler";
import { createPackageEndpoint } from "@/lib/services/packages/create-package";
import { listPackagesEndpoint } from "@/lib/services/packages/list-packages";

export const GET = routeHandler(listPackagesEndpoint);
export const POST = routeHandler(createPackageEndpoint);
