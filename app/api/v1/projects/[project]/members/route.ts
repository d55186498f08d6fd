import { routeHandler } from "@/lib/endpoint/route-handler";
import { addMemberEndpoint } from "@/lib/services/members/add-member";
import { listMembersEndpoint } from "@/lib/services/members/list-members";

export const GET = routeHandler(listMembersEndpoint);
export const POST = routeHandler(addMemberEndpoint);
