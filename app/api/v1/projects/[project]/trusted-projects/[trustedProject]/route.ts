import { routeHandler } from "@/lib/endpoint/route-handler";
import { removeTrustedProjectEndpoint } from "@/lib/services/settings/remove-trusted-project";

export const DELETE = routeHandler(removeTrustedProjectEndpoint);
