import type { ErrorBody } from "@/lib/errors";

/** The first message of each field error of a refused request, for a form's fields. */
export function firstFieldErrors(error: ErrorBody | null): Record<string, string> {
  return Object.fromEntries(
    Object.entries(error?.fieldErrors ?? {}).flatMap(([field, messages]) =>
      messages[0] ? [[field, messages[0]]] : [],
    ),
  );
}

/** A query-string value as one string ("" when absent); repeated keys keep the first. */
export function firstParam(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value) ?? "";
}
