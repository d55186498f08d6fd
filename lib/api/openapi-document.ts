import { z } from "zod";
import { CONSOLE_PERMISSIONS } from "@/lib/authz/console-permissions";
import { ERROR_STATUS, type ErrorCode } from "@/lib/errors";
import { API_TAGS, ROUTE_TABLE, type ApiRoute } from "./route-table";
import type { JsonSchema, OpenApiDocument, OpenApiOperation, OpenApiParameter } from "./openapi-types";

/** The error codes every operation may answer; a body-carrying one may also answer PAYLOAD_TOO_LARGE. */
const COMMON_ERRORS: readonly ErrorCode[] = [
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "NOT_FOUND",
  "CONFLICT",
  "INVALID_INPUT",
  "TOO_MANY_REQUESTS",
  "INTERNAL",
];

const ERROR_MEANINGS: Record<ErrorCode, string> = {
  INVALID_STATEMENT: "A security statement does not parse or names an invalid value; details.position says where",
  UNAUTHENTICATED: "No session (or a state-changing cookie call without this site's Origin)",
  FORBIDDEN: "The caller may not do this (a missing permission, the engine's refusal or an IP whitelist)",
  NOT_FOUND: "No such thing the caller may see (another tenant's project answers the same)",
  CONFLICT: "The change collides with the current state (a name taken, a newer version)",
  INVALID_INPUT: "The input names the fields that need attention in fieldErrors",
  INVALID_SQL: "SQL the access check cannot read: the message names what, details.position where (when known)",
  PAYLOAD_TOO_LARGE: "The request body is over the endpoint's limit (1 MB unless it says otherwise)",
  TOO_MANY_REQUESTS: "Too many calls of this kind; try again later",
  INTERNAL: "Something failed on the server; nothing was changed",
};

/** The one error shape of the API. */
const ERROR_SCHEMA: JsonSchema = {
  type: "object",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["code", "message"],
      properties: {
        code: { type: "string", enum: Object.keys(ERROR_STATUS) },
        message: { type: "string" },
        fieldErrors: { type: "object", additionalProperties: { type: "array", items: { type: "string" } } },
        details: { description: "Structured reasons, e.g. the decision's steps" },
      },
    },
  },
};

const pathParameterNames = (path: string) =>
  path
    .split("/")
    .filter((segment) => segment.startsWith("{") && segment.endsWith("}"))
    .map((segment) => segment.slice(1, -1));

/** The endpoint's input as the caller sends it (zod 4's JSON Schema of the input side: defaults are optional). */
function inputSchema(route: ApiRoute): JsonSchema {
  const { $schema: _dialect, ...schema } = z.toJSONSchema(route.endpoint.input, {
    io: "input",
    unrepresentable: "any",
  }) as JsonSchema & { $schema?: string };
  return schema;
}

/** Path parameters from the template; the other fields as the query (GET) or the JSON body (the rest). */
function operationOf(route: ApiRoute): OpenApiOperation {
  const schema = inputSchema(route);
  const properties = schema.properties ?? {};
  const required = new Set(schema.required ?? []);
  const inPath = pathParameterNames(route.path);
  const parameters: OpenApiParameter[] = inPath.map((name) => ({
    name,
    in: "path",
    required: true,
    schema: properties[name] ?? { type: "string" },
  }));
  const rest = Object.entries(properties).filter(([name]) => !inPath.includes(name));
  const operation: OpenApiOperation = {
    operationId: route.endpoint.name,
    tags: [route.tag],
    summary: route.summary,
    description: permissionText(route),
    parameters,
    responses: {
      "200": {
        description: "The answer, as `data`",
        content: { "application/json": { schema: { type: "object", required: ["data"], properties: { data: {} } } } },
      },
      ...(route.endpoint.successStatus
        ? {
            "202": {
              description: "Accepted: the work goes on; `data` says where it stands and where to follow it",
              content: {
                "application/json": { schema: { type: "object", required: ["data"], properties: { data: {} } } },
              },
            },
          }
        : {}),
      ...errorResponses([
        ...COMMON_ERRORS,
        ...(route.method === "GET" ? [] : (["PAYLOAD_TOO_LARGE"] as const)),
        ...(route.endpoint.errors ?? []),
      ]),
    },
    "x-permission": route.endpoint.permission,
  };
  if (route.method === "GET") {
    for (const [name, fieldSchema] of rest) {
      parameters.push({ name, in: "query", required: required.has(name), schema: fieldSchema });
    }
  } else if (rest.length > 0) {
    const bodyRequired = rest.map(([name]) => name).filter((name) => required.has(name));
    operation.requestBody = {
      required: bodyRequired.length > 0,
      content: {
        "application/json": {
          schema: {
            type: "object",
            properties: Object.fromEntries(rest),
            ...(bodyRequired.length > 0 ? { required: bodyRequired } : {}),
          },
        },
      },
    };
  }
  return operation;
}

function permissionText(route: ApiRoute): string {
  const { permission, sessionOnly } = route.endpoint;
  const who =
    permission === "signed-in"
      ? "Any signed-in caller; the service decides what they may do."
      : `Needs the console permission to ${CONSOLE_PERMISSIONS[permission]}; the service then decides.`;
  return sessionOnly ? `${who} Console session only: ${sessionOnly}.` : who;
}

function errorResponses(codes: readonly ErrorCode[]): OpenApiOperation["responses"] {
  return Object.fromEntries(
    codes.map((code) => [String(ERROR_STATUS[code]), { $ref: `#/components/responses/${code}` }]),
  );
}

/** The OpenAPI 3.1 document of every route in the route table. */
export function openApiDocument(routes: readonly ApiRoute[] = ROUTE_TABLE): OpenApiDocument {
  const paths: OpenApiDocument["paths"] = {};
  for (const route of routes) (paths[route.path] ??= {})[route.method.toLowerCase()] = operationOf(route);
  const usedTags = new Set(routes.map((route) => route.tag));
  return {
    openapi: "3.1.0",
    info: {
      title: "Security Center API",
      version: "1",
      description:
        "Every console operation over HTTP: the same endpoint definitions the console's forms and pages use. " +
        "Successful answers are `{ data }`; errors are `{ error: { code, message, fieldErrors? } }`. Lists take " +
        "`page` and `pageSize` and answer `{ items, total, page, pageSize }`. A state-changing call that rides on " +
        "the session cookie must carry this site's Origin. A call signed with an AccessKey (ACS3-HMAC-SHA256, as " +
        "Alibaba Cloud's SDKs sign) needs no Origin, and its errors also carry `code` and `message` at the top " +
        "level; every failed signature check answers the same 403 `SignatureDoesNotMatch`.",
    },
    tags: Object.entries(API_TAGS)
      .filter(([name]) => usedTags.has(name as keyof typeof API_TAGS))
      .map(([name, description]) => ({ name, description })),
    security: [{ consoleSession: [] }, { accessKeySignature: [] }],
    paths,
    components: {
      schemas: { Error: ERROR_SCHEMA },
      responses: Object.fromEntries(
        (Object.keys(ERROR_STATUS) as ErrorCode[]).map((code) => [
          code,
          {
            description: `${code}: ${ERROR_MEANINGS[code]}`,
            content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
          },
        ]),
      ),
      securitySchemes: {
        consoleSession: {
          type: "apiKey",
          in: "cookie",
          name: "__Host-sc.session",
          description: "The console's session cookie (sign in at /login)",
        },
        accessKeySignature: {
          type: "apiKey",
          in: "header",
          name: "Authorization",
          description:
            "`ACS3-HMAC-SHA256 Credential=<AccessKeyId>,SignedHeaders=<host;content-type;x-acs-…>,Signature=<hex>` " +
            "with `x-acs-date` (within 5 minutes), `x-acs-signature-nonce` (once) and `x-acs-content-sha256`, " +
            "exactly as Alibaba Cloud's SDKs send it. Operations marked console session only refuse it.",
        },
      },
    },
  };
}
