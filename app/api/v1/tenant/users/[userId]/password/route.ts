import { routeHandler } from "@/lib/endpoint/route-handler";
import { resetPasswordEndpoint } from "@/lib/services/tenants/reset-password";

export const PUT = routeHandler(resetPasswordEndpoint);
