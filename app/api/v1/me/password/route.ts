import { routeHandler } from "@/lib/endpoint/route-handler";
import { changePasswordEndpoint } from "@/lib/services/auth/change-password";

export const PUT = routeHandler(changePasswordEndpoint);
