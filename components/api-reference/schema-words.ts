import type { JsonSchema } from "@/lib/api/openapi-types";

const show = (value: unknown) => (typeof value === "string" ? value : JSON.stringify(value));

/** A field's type in a few words, from its JSON Schema: "string, 1–128 characters", "one of: a, b", "integer ≥ 1". */
export function typeWords(schema: JsonSchema): string {
  if (schema.enum) return `one of: ${schema.enum.map(show).join(", ")}`;
  if (schema.const !== undefined) return `exactly ${show(schema.const)}`;
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return alternatives.map(typeWords).join(" or ");
  if (schema.type === "array")
    return `list of ${schema.items ? typeWords(schema.items) : "values"}${bounds(schema.minItems, schema.maxItems, "items")}`;
  if (schema.type === "string")
    return `string${schema.format ? ` (${schema.format})` : ""}${bounds(schema.minLength, schema.maxLength, "characters")}`;
  if (schema.type === "integer" || schema.type === "number")
    return `${schema.type}${range(schema.minimum, schema.maximum)}`;
  if (schema.type === "object") return "object";
  if (typeof schema.type === "string") return schema.type;
  if (Array.isArray(schema.type)) return schema.type.join(" or ");
  return "any JSON value";
}

function bounds(min: number | undefined, max: number | undefined, unit: string): string {
  if (min !== undefined && max !== undefined)
    return min === max ? `, ${min} ${unit}` : `, ${min}–${max.toLocaleString("en-US")} ${unit}`;
  if (max !== undefined) return `, at most ${max.toLocaleString("en-US")} ${unit}`;
  if (min !== undefined && min > 0) return `, at least ${min} ${unit}`;
  return "";
}

function range(min: number | undefined, max: number | undefined): string {
  const parts = [
    min !== undefined ? `≥ ${min}` : null,
    max !== undefined && max < Number.MAX_SAFE_INTEGER ? `≤ ${max.toLocaleString("en-US")}` : null,
  ].filter(Boolean);
  return parts.length > 0 ? ` ${parts.join(", ")}` : "";
}

/** The default, if the schema has one, as the caller would write it. */
export const defaultWords = (schema: JsonSchema): string | null =>
  schema.default === undefined ? null : show(schema.default);
