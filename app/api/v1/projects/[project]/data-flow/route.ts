import { routeHandler } from "@/lib/endpoint/route-handler";
import { dataFlowEndpoint } from "@/lib/services/access/data-flow";

/** POST for the question's body; nothing changes. */
export const POST = routeHandler(dataFlowEndpoint);
