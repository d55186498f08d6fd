import { routeHandler } from "@/lib/endpoint/route-handler";
import { describePackageEndpoint } from "@/lib/services/packages/describe-package";
import { dropPackageEndpoint } from "@/lib/services/packages/drop-package";

/** GET describes a package of the project (`p`) or one installed in it (`owner_project.p`). */
export const GET = routeHandler(describePackageEndpoint);
export const DELETE = routeHandler(dropPackageEndpoint);
