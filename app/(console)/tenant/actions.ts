"use server";

import { serverAction } from "@/lib/endpoint/server-action";
import { setUserDisabledEndpoint } from "@/lib/services/tenants/set-user-disabled";

export const setUserDisabledAction = serverAction(setUserDisabledEndpoint);
