import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

// The layer fences of eslint.config.mjs, each shown to refuse a deliberate violation and to let the
// allowed form through. Files are linted as text under a path in the fenced folder; none is written.
const eslint = new ESLint({ cwd: process.cwd() });

async function importErrors(filePath: string, code: string) {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((message) => message.ruleId?.endsWith("no-restricted-imports"));
}

const PAGE = "app/(console)/fence-probe/page.tsx";
const COMPONENT = "components/fence-probe/Probe.tsx";
const SERVICE = "lib/services/fence-probe/probe-service.ts";
const SHARED = "lib/shared/fence-probe.ts";

const violations = [
  {
    description: "a page imports lib/db",
    filePath: PAGE,
    code: `import { prisma } from "@/lib/db/client";`,
    says: "never touch the database",
  },
  {
    description: "a page imports the generated Prisma client",
    filePath: PAGE,
    code: `import { PrismaClient } from "@/lib/generated/prisma/client";`,
    says: "never touch the database",
  },
  {
    description: "a page imports @prisma",
    filePath: PAGE,
    code: `import { PrismaPg } from "@prisma/adapter-pg";`,
    says: "never touch the database",
  },
  {
    description: "a component imports lib/db by a relative path",
    filePath: COMPONENT,
    code: `import { prisma } from "../../lib/db/client";`,
    says: "never touch the database",
  },
  {
    description: "a component imports even a type from the generated client",
    filePath: COMPONENT,
    code: `import type { UserKind } from "@/lib/generated/prisma/enums";`,
    says: "never touch the database",
  },
  {
    description: "a component imports a value from lib/services",
    filePath: COMPONENT,
    code: `import { listGrants } from "@/lib/services/grants/list-grants";`,
    says: "import only types",
  },
  {
    description: "a component imports a value from lib/authorize",
    filePath: COMPONENT,
    code: `import { adminVerdict } from "@/lib/authorize/admin-verdict";`,
    says: "import only types",
  },
  {
    description: "a service imports next/*",
    filePath: SERVICE,
    code: `import { headers } from "next/headers";`,
    says: "never import Next.js or React",
  },
  {
    description: "the API's route table imports next/*",
    filePath: "lib/api/fence-probe.ts",
    code: `import { NextResponse } from "next/server";`,
    says: "never import Next.js or React",
  },
  {
    description: "a service imports react",
    filePath: SERVICE,
    code: `import { cache } from "react";`,
    says: "never import Next.js or React",
  },
  {
    description: "project scoping imports react",
    filePath: "lib/authorize/fence-probe.ts",
    code: `import { cache } from "react";`,
    says: "never import Next.js or React",
  },
  {
    description: "lib/shared imports lib/db",
    filePath: SHARED,
    code: `import { prisma } from "@/lib/db/client";`,
    says: "lib/shared is imported by client components",
  },
  {
    description: "lib/shared imports a service",
    filePath: SHARED,
    code: `import { listGrants } from "@/lib/services/grants/list-grants";`,
    says: "lib/shared is imported by client components",
  },
];

const allowed = [
  {
    description: "a page imports a service",
    filePath: PAGE,
    code: `import { listGrants } from "@/lib/services/grants/list-grants";`,
  },
  {
    description: "a component imports a type from lib/services",
    filePath: COMPONENT,
    code: `import type { GrantItem } from "@/lib/services/grants/grant-item";`,
  },
  {
    description: "a component imports a pure value from lib/shared",
    filePath: COMPONENT,
    code: `import { ROLE_PREFIX } from "@/lib/shared/role-prefix";`,
  },
  {
    description: "a service imports lib/db and zod",
    filePath: SERVICE,
    code: `import { prisma } from "@/lib/db/client";\nimport { z } from "zod";`,
  },
];

describe("the layer fences are lint rules", () => {
  it.each(violations)("refuses: $description", async ({ filePath, code, says }) => {
    const errors = await importErrors(filePath, `${code}\n`);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ severity: 2 });
    expect(errors[0]!.message).toContain(says);
  });

  it.each(allowed)("allows: $description", async ({ filePath, code }) => {
    expect(await importErrors(filePath, `${code}\n`)).toEqual([]);
  });
});
