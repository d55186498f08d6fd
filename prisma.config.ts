// Prisma CLI configuration (Prisma 7 reads the datasource from here, not from schema.prisma).
// Our own scripts (db:migrate, db:new-migration) read `schema` and `migrations.path` from this file too,
// so it stays the single place that names them.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  // Unset means "use the embedded PGlite database" (see lib/db/client.ts). Only the stock CLI's
  // migrate/introspect commands read this, so leaving it undefined keeps `prisma generate` working.
  datasource: { url: process.env.DATABASE_URL },
});
