import { routeHandler } from "@/lib/endpoint/route-handler";
import { getSecuritySettingsEndpoint } from "@/lib/services/settings/get-security-settings";
import { updateSecuritySettingsEndpoint } from "@/lib/services/settings/update-security-settings";

export const GET = routeHandler(getSecuritySettingsEndpoint);
export const PATCH = routeHandler(updateSecuritySettingsEndpoint);
