import { routeHandler } from "@/lib/endpoint/route-handler";
import { columnMatrixEndpoint } from "@/lib/services/labels/column-matrix";

export const GET = routeHandler(columnMatrixEndpoint);
