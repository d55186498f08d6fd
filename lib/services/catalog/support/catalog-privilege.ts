import type { AccessRequest } from "@/lib/authz";
import type { CatalogType } from "@/lib/catalog/object-spec";

type Action = AccessRequest["action"];

/** MaxCompute's privilege behind each catalog operation, per object type (CREATE VIEW needs CreateTable). */
export const CATALOG_PRIVILEGE: Record<"create" | "read" | "alter" | "drop", Record<CatalogType, Action>> = {
  create: { Table: "CreateTable", View: "CreateTable", Function: "CreateFunction", Resource: "CreateResource" },
  read: { Table: "Describe", View: "Describe", Function: "Read", Resource: "Read" },
  alter: { Table: "Alter", View: "Alter", Function: "Write", Resource: "Write" },
  drop: { Table: "Drop", View: "Drop", Function: "Delete", Resource: "Delete" },
};
