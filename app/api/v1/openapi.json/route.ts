import { documentRouteHandler } from "@/lib/endpoint/document-route-handler";
import { describeApiEndpoint } from "@/lib/services/api/describe-api";

export const GET = documentRouteHandler(describeApiEndpoint);
