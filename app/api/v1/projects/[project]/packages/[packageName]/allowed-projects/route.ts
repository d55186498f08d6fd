import { routeHandler } from "@/lib/endpoint/route-handler";
import { allowPackageProjectEndpoint } from "@/lib/services/packages/allow-package-project";
import { disallowPackageProjectEndpoint } from "@/lib/services/packages/disallow-package-project";

export const POST = routeHandler(allowPackageProjectEndpoint);
export const DELETE = routeHandler(disallowPackageProjectEndpoint);
