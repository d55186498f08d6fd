import { z } from "zod";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import type { OpenApiDocument } from "@/lib/api/openapi-types";

let document: OpenApiDocument | undefined;

/**
 * The API's OpenAPI document, for any signed-in caller (it describes the API and holds no data, but every route
 * goes through the one door, which wants an actor). Built once per process: the route table is fixed at build.
 */
export const describeApiEndpoint = defineEndpoint({
  name: "api.describe",
  input: z.object({}),
  permission: "signed-in",
  // Imported when first asked: the route table lists this endpoint, so a static import would be a cycle.
  run: async () => (document ??= (await import("@/lib/api/openapi-document")).openApiDocument()),
});
