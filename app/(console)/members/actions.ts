"use server";

import { serverAction } from "@/lib/endpoint/server-action";
import { addMemberEndpoint } from "@/lib/services/members/add-member";
import { removeMemberEndpoint } from "@/lib/services/members/remove-member";

export const addMemberAction = serverAction(addMemberEndpoint);
export const removeMemberAction = serverAction(removeMemberEndpoint);
