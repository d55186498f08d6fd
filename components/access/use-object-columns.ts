"use client";

import { useQuery } from "@tanstack/react-query";
import type { CatalogObjectDetail } from "@/lib/services/catalog/support/catalog-object";

export interface LabelledColumn {
  name: string;
  /** The column's own label, else its table's. */
  label: number;
}

/**
 * An object's columns as the pickers know them: `unavailable` when the catalog will not describe it (no
 * Describe privilege, or no such object), so the form falls back to typed column names the service validates.
 */
export type ObjectColumns =
  | { status: "none" }
  | { status: "loading" }
  | { status: "unavailable" }
  | { status: "ready"; name: string; columns: LabelledColumn[] };

async function fetchColumns(
  project: string,
  type: string,
  name: string,
  signal: AbortSignal,
): Promise<{ name: string; columns: LabelledColumn[] }> {
  const path = [project, "objects", type, name].map(encodeURIComponent).join("/");
  const response = await fetch(`/api/v1/projects/${path}`, { headers: { accept: "application/json" }, signal });
  if (!response.ok) throw new Error(`the object answered ${response.status}`);
  const { data } = (await response.json()) as { data: CatalogObjectDetail };
  return {
    name: data.name,
    columns: data.columns.map((column) => ({ name: column.name, label: column.label ?? data.label })),
  };
}

/**
 * The columns of the table or view named: `name` is the name the user settled on (SuggestInput's onCommit), not
 * every keystroke, since each unknown name is a refused (and audited) request. `type` null for types without columns.
 */
export function useObjectColumns(project: string, type: "Table" | "View" | null, name: string): ObjectColumns {
  const named = name.trim().toLowerCase();
  const enabled = type !== null && named !== "";
  const query = useQuery({
    queryKey: ["object-columns", project, type, named],
    queryFn: ({ signal }) => fetchColumns(project, type!, named, signal),
    enabled,
    staleTime: 30_000,
    retry: false,
  });
  if (!enabled) return { status: "none" };
  if (query.isPending) return { status: "loading" };
  if (query.isError) return { status: "unavailable" };
  return { status: "ready", ...query.data };
}

/** Tables and views have columns. */
export const columnsTypeOf = (type: string): "Table" | "View" | null =>
  type === "Table" || type === "View" ? type : null;
