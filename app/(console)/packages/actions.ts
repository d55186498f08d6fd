"use server";

import { serverAction } from "@/lib/endpoint/server-action";
import { addPackageObjectEndpoint } from "@/lib/services/packages/add-package-object";
import { allowPackageProjectEndpoint } from "@/lib/services/packages/allow-package-project";
import { createPackageEndpoint } from "@/lib/services/packages/create-package";
import { disallowPackageProjectEndpoint } from "@/lib/services/packages/disallow-package-project";
import { dropPackageEndpoint } from "@/lib/services/packages/drop-package";
import { installPackageEndpoint } from "@/lib/services/packages/install-package";
import { removePackageObjectEndpoint } from "@/lib/services/packages/remove-package-object";
import { uninstallPackageEndpoint } from "@/lib/services/packages/uninstall-package";

export const createPackageAction = serverAction(createPackageEndpoint);
export const dropPackageAction = serverAction(dropPackageEndpoint);
export const addPackageObjectAction = serverAction(addPackageObjectEndpoint);
export const removePackageObjectAction = serverAction(removePackageObjectEndpoint);
export const allowPackageProjectAction = serverAction(allowPackageProjectEndpoint);
export const disallowPackageProjectAction = serverAction(disallowPackageProjectEndpoint);
export const installPackageAction = serverAction(installPackageEndpoint);
export const uninstallPackageAction = serverAction(uninstallPackageEndpoint);
