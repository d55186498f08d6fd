import { routeHandler } from "@/lib/endpoint/route-handler";
import { runStatementsEndpoint } from "@/lib/services/statements/run-statements";

export const POST = routeHandler(runStatementsEndpoint);
