import { routeHandler } from "@/lib/endpoint/route-handler";
import { packageReadersEndpoint } from "@/lib/services/packages/package-readers";

export const GET = routeHandler(packageReadersEndpoint);
