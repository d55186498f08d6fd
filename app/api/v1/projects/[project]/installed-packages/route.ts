import { routeHandler } from "@/lib/endpoint/route-handler";
import { installPackageEndpoint } from "@/lib/services/packages/install-package";
import { listInstalledPackagesEndpoint } from "@/lib/services/packages/list-installed-packages";
import { uninstallPackageEndpoint } from "@/lib/services/packages/uninstall-package";

export const GET = routeHandler(listInstalledPackagesEndpoint);
export const POST = routeHandler(installPackageEndpoint);
export const DELETE = routeHandler(uninstallPackageEndpoint);
