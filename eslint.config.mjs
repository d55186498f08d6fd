import js from "@eslint/js";
import nextPlugin from "@next/eslint-plugin-next";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: [".tmp/**", ".next/**", ".next-*/**", "node_modules/**", "lib/generated/**", ".data/**", "test-results/**", "playwright-report/**", "next-env.d.ts"] },
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
            { group: ["@prisma/*", "@/lib/generated/*", "@/lib/db/*", "next", "next/*", "next-auth", "next-auth/*", "pg", "@electric-sql/*", "node:fs", "node:net", "fs", "net"], message: "lib/authz is pure: pass data in, get a decision out." },
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
        ...["NewExpression", "CallExpression"].flatMap((call) => [
          `${call}[callee.name='RegExp'][arguments.0.type!='Literal']`,
          `${call}[callee.name='RegExp'][arguments.1.type!=undefined][arguments.1.type!='Literal']`,
        ]).map((selector) => ({
          selector,
          message: "No RegExp from data in lib/: match wildcards with lib/authz/model/glob.ts (linear time).",
        })),
      ],
    },
  },
  {
    files: ["scripts/**/*.mjs", "*.mjs"],
    languageOptions: { globals: { process: "readonly", console: "readonly" } },
  },
);
