import { Prisma } from "@/lib/generated/prisma/client";

/** A unique constraint refused the write: someone created the same row concurrently. */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}
