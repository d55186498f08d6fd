import type { SelectOption } from "@/components/ui/Select";

/** Levels 0–9 as the manual names the first four. */
const NAMES = ["unclassified", "confidential", "sensitive", "highly sensitive"];
export const LEVEL_OPTIONS: SelectOption[] = Array.from({ length: 10 }, (_, level) => ({
  value: String(level),
  label: NAMES[level] ? `${level} (${NAMES[level]})` : String(level),
}));
export const PRINCIPAL_TYPE_OPTIONS: SelectOption[] = [
  { value: "User", label: "User" },
  { value: "Role", label: "Role" },
];
export const OBJECT_TYPE_OPTIONS: SelectOption[] = [
  { value: "Table", label: "Table" },
  { value: "View", label: "View" },
];

/** Link to a labelled object's page (DESCRIBE and SET LABEL) or its column matrix. */
export const labelObjectHref = (page: "object" | "matrix", project: string, type: string, name: string) =>
  `/labels/${page}?${new URLSearchParams({ project, objectType: type, objectName: name })}`;
