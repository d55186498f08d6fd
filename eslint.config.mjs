import js from "@eslint/js";
import nextPlugin from "@next/eslint-plugin-next";
import tseslint from "typescript-eslint";

// The layer fences (issue 9). tests/structure/lint-fences.test.ts proves each one refuses a violation.
const DATABASE_IMPORTS = {
  group: ["@/lib/db", "@/lib/db/*", "@/lib/generated/*", "@prisma/*", "**/lib/db/*", "**/lib/generated/*"],
  message: "app/ and components/ never touch the database (lib/db, the Prisma client, @prisma): go through a service.",
};
const SERVER_CODE = [
  "@/lib/services/*",
  "@/lib/authorize/*",
  "@/lib/decision-index/*",
  "@/lib/endpoint/*",
  "**/lib/services/*",
];
const SERVER_CODE_TYPES_ONLY = {
  group: SERVER_CODE,
  allowTypeImports: true,
  message:
    "components/ import only types from server code (`import type`): a value would pull Prisma toward the browser. " +
    "Move a pure value to lib/shared.",
};
const FRAMEWORK_IMPORTS = {
  group: ["next", "next/*", "next-auth", "next-auth/*", "react", "react/*", "react-dom", "react-dom/*"],
  message: "Services and what they build on never import Next.js or React (a render's memo: ctx.memo, lib/context).",
};
const SHARED_MESSAGE =
  "lib/shared is imported by client components: it may not import the database, the framework or server code.";

export default tseslint.config(
  {
    ignores: [
      ".tmp/**",
      ".next/**",
      ".next-*/**",
      "node_modules/**",
      "lib/generated/**",
      ".data/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { "@next/next": nextPlugin },
    rules: {
      ...nextPlugin.configs.recommended.rules,
      ...nextPlugin.configs["core-web-vitals"].rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      // Raw SQL only through tagged templates, which parameterize every value.
      "no-restricted-properties": [
        "error",
        { property: "$queryRawUnsafe", message: "Use the $queryRaw tagged template: it parameterizes values." },
        { property: "$executeRawUnsafe", message: "Use the $executeRaw tagged template: it parameterizes values." },
      ],
    },
  },
  {
    // The decision engine is pure: no database, no framework, no I/O.
    files: ["lib/authz/**/*.ts"],
    ignores: ["lib/authz/**/*.test.ts", "lib/authz/**/__tests__/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: [
                "@prisma/*",
                "@/lib/generated/*",
                "@/lib/db/*",
                "next",
                "next/*",
                "next-auth",
                "next-auth/*",
                "pg",
                "@electric-sql/*",
                "node:fs",
                "node:net",
                "fs",
                "net",
              ],
              message: "lib/authz is pure: pass data in, get a decision out.",
            },
          ],
        },
      ],
    },
  },
  {
    // A regular expression built from data can backtrack catastrophically (policy wildcards once did): lib/
    // builds none. Wildcards match through lib/authz/model/glob.ts, in linear time.
    files: ["lib/**/*.ts", "lib/**/*.tsx"],
    rules: {
      "no-restricted-syntax": [
        "error",
        ...["NewExpression", "CallExpression"]
          .flatMap((call) => [
            `${call}[callee.name='RegExp'][arguments.0.type!='Literal']`,
            `${call}[callee.name='RegExp'][arguments.1.type!=undefined][arguments.1.type!='Literal']`,
          ])
          .map((selector) => ({
            selector,
            message: "No RegExp from data in lib/: match wildcards with lib/authz/model/glob.ts (linear time).",
          })),
      ],
    },
  },
  {
    // The pages and the UI never reach the database: they read and write through services (the one door).
    files: ["app/**/*.{ts,tsx}"],
    rules: { "@typescript-eslint/no-restricted-imports": ["error", { patterns: [DATABASE_IMPORTS] }] },
  },
  {
    files: ["components/**/*.{ts,tsx}"],
    rules: {
      "@typescript-eslint/no-restricted-imports": ["error", { patterns: [DATABASE_IMPORTS, SERVER_CODE_TYPES_ONLY] }],
    },
  },
  {
    // Use cases run the same under a page, a server action, an API route, a script or a test: no framework.
    // lib/api (the route table and its OpenAPI document) too: scripts and tests read it outside Next.
    files: [
      "lib/services/**/*.ts",
      "lib/authorize/**/*.ts",
      "lib/decision-index/**/*.ts",
      "lib/context/**/*.ts",
      "lib/api/**/*.ts",
    ],
    rules: { "no-restricted-imports": ["error", { patterns: [FRAMEWORK_IMPORTS] }] },
  },
  {
    // Imported by client components as values: nothing that runs only on the server.
    files: ["lib/shared/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [FRAMEWORK_IMPORTS, DATABASE_IMPORTS, { group: SERVER_CODE }].map((fence) => ({
            ...fence,
            message: SHARED_MESSAGE,
          })),
        },
      ],
    },
  },
  {
    files: ["scripts/**/*.mjs", "*.mjs"],
    languageOptions: { globals: { process: "readonly", console: "readonly" } },
  },
);
