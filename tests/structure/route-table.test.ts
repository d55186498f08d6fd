import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { API_ROUTES, EXEMPT_ROUTES } from "@/e2e/entry-point-inventory";
import { ROUTE_TABLE } from "@/lib/api/route-table";
import { openApiDocument } from "@/lib/api/openapi-document";
import type { JsonSchema } from "@/lib/api/openapi-types";
import { demoDatabase } from "../helpers/test-database";

await demoDatabase();

const API_DIR = path.resolve("app/api/v1");
const ROUTE_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

/** Every route.ts under app/api/v1, as its URL path in OpenAPI's template style ([name] → {name}). */
function routeFiles(dir = API_DIR): { file: string; path: string }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    if (entry.name !== "route.ts" || `/api/v1/${path.relative(API_DIR, dir)}` in EXEMPT_ROUTES) return [];
    const urlPath = `/api/v1/${path.relative(API_DIR, dir)}`
      .replace(/\/$/, "")
      .replaceAll("[", "{")
      .replaceAll("]", "}");
    return [{ file: full, path: urlPath }];
  });
}

/** What the app serves: method, path and the endpoint each exported handler carries. */
const served = (
  await Promise.all(
    routeFiles().map(async ({ file, path: urlPath }) => {
      const exports = (await import(/* @vite-ignore */ file)) as Record<string, { endpoint?: unknown }>;
      return Object.entries(exports)
        .filter(([name]) => ROUTE_METHODS.includes(name))
        .map(([method, handler]) => ({ method, path: urlPath, endpoint: handler.endpoint }));
    }),
  )
).flat();

const key = (route: { method: string; path: string }) => `${route.method} ${route.path}`;

describe("the route table is the API", () => {
  it("lists exactly the routes app/api/v1 serves, each with the endpoint its handler serves", () => {
    expect(served.length).toBeGreaterThan(40);
    expect(served.map(key).sort()).toEqual(ROUTE_TABLE.map(key).sort());
    for (const route of served) {
      const listed = ROUTE_TABLE.find((candidate) => key(candidate) === key(route));
      expect(listed?.endpoint, `${key(route)} serves another endpoint than the table says`).toBe(route.endpoint);
    }
  });

  it("lists exactly the routes of the entry-point inventory (which the e2e suite probes)", () => {
    const inventory = Object.entries(API_ROUTES).flatMap(([routePath, methods]) =>
      Object.keys(methods).map((method) => `${method} ${routePath.replaceAll("[", "{").replaceAll("]", "}")}`),
    );
    expect(inventory.sort()).toEqual(ROUTE_TABLE.map(key).sort());
  });
});

/**
 * Console pages' compositions of reads the API serves separately: what a form offers up front. Each names the
 * routed reads it is made of, so the API loses nothing by not serving it whole.
 */
const PAGE_COMPOSITIONS: Record<string, string> = {
  "access.inspection-options": "the project's decision index as the check-access forms draw it (holds a function)",
  "grant.form-options": "GET /api/v1/projects/{project}/roles",
  "project.list-names": "GET /api/v1/projects",
  "project.standing": "whether the project pages offer their forms; every read they make is routed (GET …/members, …)",
  "role.assignment-choices": "GET /api/v1/projects/{project}/roles and …/members",
};

describe("every operation is served by both doors", () => {
  it("each endpoint definition in lib/services has a route, but the console's listed page compositions", async () => {
    const definitions = await Promise.all(
      readdirSync(path.resolve("lib/services"), { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile() && entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts"))
        .map((entry) => import(/* @vite-ignore */ path.join(entry.parentPath, entry.name))),
    );
    const endpoints = definitions.flatMap((module: Record<string, unknown>) =>
      Object.entries(module)
        .filter(([name]) => name.endsWith("Endpoint"))
        .map(([, value]) => value as { name: string }),
    );
    expect(endpoints.length).toBeGreaterThan(80);
    const routed = new Set<unknown>(ROUTE_TABLE.map((route) => route.endpoint));
    const unrouted = endpoints.filter((endpoint) => !routed.has(endpoint)).map((endpoint) => endpoint.name);
    expect(unrouted.sort()).toEqual(Object.keys(PAGE_COMPOSITIONS).sort());
  });
});

describe("the OpenAPI document", () => {
  const document = openApiDocument();
  const operations = Object.entries(document.paths).flatMap(([template, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({ template, method, operation })),
  );

  /** Every `$ref` in the document, wherever it is. */
  const refs = (value: unknown): string[] =>
    Array.isArray(value)
      ? value.flatMap(refs)
      : value && typeof value === "object"
        ? Object.entries(value).flatMap(([name, inner]) =>
            name === "$ref" && typeof inner === "string" ? [inner] : refs(inner),
          )
        : [];

  it("is structurally OpenAPI 3.1: version, info, paths, components, and it survives JSON", () => {
    expect(document.openapi).toBe("3.1.0");
    expect(document.info).toMatchObject({ title: expect.any(String), version: expect.any(String) });
    expect(JSON.parse(JSON.stringify(document))).toEqual(document);
    expect(operations.length).toBe(ROUTE_TABLE.length);
    for (const template of Object.keys(document.paths)) expect(template).toMatch(/^\/api\/v1(\/[^/{}]+|\/\{\w+\})*$/);
  });

  it("gives every operation a unique operationId, a declared tag, a summary, a 200 and the error responses", () => {
    const ids = operations.map(({ operation }) => operation.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    const tags = new Set(document.tags.map((tag) => tag.name));
    for (const { template, method, operation } of operations) {
      const label = `${method} ${template}`;
      expect(["get", "post", "put", "patch", "delete"], label).toContain(method);
      expect(
        operation.tags.every((tag) => tags.has(tag)),
        label,
      ).toBe(true);
      expect(operation.summary, label).not.toBe("");
      expect(Object.keys(operation.responses), label).toEqual(
        expect.arrayContaining(["200", "401", "403", "404", "422", "500"]),
      );
      if (method === "get") expect(operation.requestBody, label).toBeUndefined();
    }
  });

  it("matches each path's parameters to its template, and each to a field of the endpoint's input", () => {
    for (const { template, method, operation } of operations) {
      const label = `${method} ${template}`;
      const inTemplate = template
        .split("/")
        .filter((segment) => segment.startsWith("{"))
        .map((segment) => segment.slice(1, -1));
      const pathParameters = operation.parameters.filter((parameter) => parameter.in === "path");
      expect(pathParameters.map((parameter) => parameter.name).sort(), label).toEqual([...inTemplate].sort());
      expect(
        pathParameters.every((parameter) => parameter.required),
        label,
      ).toBe(true);
      const names = operation.parameters.map((parameter) => `${parameter.in}:${parameter.name}`);
      expect(new Set(names).size, label).toBe(names.length);
      // A path parameter the endpoint's input does not take would be dropped silently: the schema must name it.
      const route = ROUTE_TABLE.find((candidate) => `${candidate.method.toLowerCase()} ${candidate.path}` === label)!;
      const fields = Object.keys(
        (z.toJSONSchema(route.endpoint.input, { io: "input", unrepresentable: "any" }) as JsonSchema).properties ?? {},
      );
      expect(fields, `${label}: ${route.endpoint.name}'s input`).toEqual(expect.arrayContaining(inTemplate));
    }
  });

  it("resolves every $ref inside the document", () => {
    for (const ref of refs(document)) {
      const target = ref
        .replace(/^#\//, "")
        .split("/")
        .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], document);
      expect(target, ref).toBeDefined();
    }
  });

  it("describes bodies and queries from the zod schemas (a sample)", () => {
    const addMember = document.paths["/api/v1/projects/{project}/members"]!.post!;
    expect(addMember.requestBody?.content["application/json"].schema).toMatchObject({
      type: "object",
      properties: { email: { type: "string" } },
      required: ["email"],
    });
    const listMembers = document.paths["/api/v1/projects/{project}/members"]!.get!;
    const query = Object.fromEntries(
      listMembers.parameters.filter((p) => p.in === "query").map((p) => [p.name, p.schema]),
    );
    expect(query).toMatchObject({
      page: { type: "integer", minimum: 1 },
      pageSize: { type: "integer", maximum: 100 },
      status: { enum: ["active", "removed"] } satisfies JsonSchema,
    });
    expect(document.paths["/api/v1/me/password"]!.put!.description).toMatch(/Console session only/);
  });
});
