// prisma/schema.prisma and prisma/migrations must describe the same database: a model change without
// `npm run db:new-migration -- <name>` fails here, not on someone's deployment.
import { describe, expect, it } from "vitest";

import { diffMigrationsToSchema } from "@/lib/db/schema-diff";
import { externalEnums, externalTables, migrationsDir, schemaPath, shadowDbInitScript } from "@/scripts/prisma-paths";

describe("schema and migrations", () => {
  it("have no difference (run `npm run db:new-migration -- <name>` if this fails)", async () => {
    const missing = await diffMigrationsToSchema({
      schemaPath,
      migrationsDir,
      shadowDbInitScript,
      externalTables,
      externalEnums,
    });

    expect(missing).toBeNull();
  });
});
