"use server";

import { serverAction } from "@/lib/endpoint/server-action";
import { changePasswordEndpoint } from "@/lib/services/auth/change-password";
import { signOutEverywhereEndpoint } from "@/lib/services/auth/sign-out-everywhere";

export const signOutEverywhereAction = serverAction(signOutEverywhereEndpoint);
export const changePasswordAction = serverAction(changePasswordEndpoint);
