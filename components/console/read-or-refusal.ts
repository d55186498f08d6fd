import { notFound } from "next/navigation";
import { AppError } from "@/lib/errors";

export type ReadResult<T> = { ok: true; data: T } | { ok: false; message: string };

/**
 * A page's read through a service: NOT_FOUND renders the 404 page, and FORBIDDEN (e.g. the actor does not
 * administer the chosen project) is returned as the service's reason for the page to show. Anything else is
 * rethrown.
 */
export async function readOrRefusal<T>(read: Promise<T>): Promise<ReadResult<T>> {
  try {
    return { ok: true, data: await read };
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    if (error instanceof AppError && error.code === "FORBIDDEN") return { ok: false, message: error.message };
    throw error;
  }
}
