import { notFound } from "next/navigation";
import { Alert } from "@/components/ui/Alert";
import { AppError } from "@/lib/errors";

/**
 * Reads a project's security view for a page. The actor may see projects they do not administer (a member,
 * or a tenant admin): the service's FORBIDDEN becomes a notice on the page, NOT_FOUND the 404 page.
 */
export async function readAsAdministrator<T>(read: () => Promise<T>): Promise<{ view: T } | { refusal: string }> {
  try {
    return { view: await read() };
  } catch (error) {
    if (error instanceof AppError && error.code === "FORBIDDEN") return { refusal: error.message };
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

export function AdministratorsOnly({ reason }: { reason: string }) {
  return (
    <Alert tone="info" title="Administrators only">
      {reason} Pick a project you own or administer.
    </Alert>
  );
}
