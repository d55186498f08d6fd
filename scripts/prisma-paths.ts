// Where prisma.config.ts says the schema and the migrations live, as absolute paths.
// Only for scripts: prisma.config.ts imports the `prisma` CLI package, a dev dependency.
import path from "node:path";

import prismaConfig from "../prisma.config";

const projectRoot = path.resolve(import.meta.dirname, "..");

export const schemaPath = path.resolve(projectRoot, prismaConfig.schema ?? "prisma/schema.prisma");
export const migrationsDir = path.resolve(projectRoot, prismaConfig.migrations?.path ?? "prisma/migrations");
export const shadowDbInitScript = prismaConfig.migrations?.initShadowDb ?? "";
export const externalTables = prismaConfig.tables?.external ?? [];
export const externalEnums = prismaConfig.enums?.external ?? [];
