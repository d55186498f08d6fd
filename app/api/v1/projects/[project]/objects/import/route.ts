import { routeHandler } from "@/lib/endpoint/route-handler";
import { importTablesEndpoint } from "@/lib/services/catalog/import-tables";

export const POST = routeHandler(importTablesEndpoint);
