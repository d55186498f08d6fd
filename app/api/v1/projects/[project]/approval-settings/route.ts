import { routeHandler } from "@/lib/endpoint/route-handler";
import { getApprovalSettingsEndpoint } from "@/lib/services/requests/get-approval-settings";
import { updateApprovalSettingsEndpoint } from "@/lib/services/requests/update-approval-settings";

export const GET = routeHandler(getApprovalSettingsEndpoint);
export const PATCH = routeHandler(updateApprovalSettingsEndpoint);
