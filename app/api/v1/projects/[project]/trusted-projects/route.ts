import { routeHandler } from "@/lib/endpoint/route-handler";
import { addTrustedProjectEndpoint } from "@/lib/services/settings/add-trusted-project";

export const POST = routeHandler(addTrustedProjectEndpoint);
