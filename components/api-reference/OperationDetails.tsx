import type { JsonSchema, OpenApiDocument, OpenApiOperation } from "@/lib/api/openapi-types";
import { StaticTable, type StaticColumn } from "@/components/access/StaticTable";
import { Badge, type BadgeTone } from "@/components/ui/Badge";
import { defaultWords, typeWords } from "./schema-words";

const METHOD_TONE: Record<string, BadgeTone> = {
  get: "accent",
  post: "success",
  put: "warn",
  patch: "warn",
  delete: "danger",
};

interface Field {
  name: string;
  where: string;
  required: boolean;
  schema: JsonSchema;
}

const FIELD_COLUMNS: StaticColumn<Field>[] = [
  { header: "Field", cell: (field) => <code className="text-xs font-medium">{field.name}</code> },
  { header: "In", cell: (field) => field.where },
  { header: "Type", cell: (field) => <span className="text-xs break-words">{typeWords(field.schema)}</span> },
  { header: "Required", cell: (field) => (field.required ? "yes" : "no") },
  {
    header: "Default",
    cell: (field) => {
      const value = defaultWords(field.schema);
      return value === null ? "—" : <code className="text-xs">{value}</code>;
    },
  },
];

/** Path and query parameters, then the JSON body's fields, as one table. */
function fieldsOf(operation: OpenApiOperation): Field[] {
  const body = operation.requestBody?.content["application/json"].schema;
  const required = new Set(body?.required ?? []);
  return [
    ...operation.parameters.map((parameter) => ({
      name: parameter.name,
      where: parameter.in,
      required: parameter.required,
      schema: parameter.schema,
    })),
    ...Object.entries(body?.properties ?? {}).map(([name, schema]) => ({
      name,
      where: "body",
      required: required.has(name),
      schema,
    })),
  ];
}

/** The error codes an operation may answer, from its responses' references. */
function errorCodesOf(operation: OpenApiOperation, document: OpenApiDocument): { status: string; text: string }[] {
  return Object.entries(operation.responses).flatMap(([status, response]) => {
    if (!("$ref" in response)) return [];
    const name = response.$ref.split("/").at(-1) ?? "";
    return [{ status, text: document.components.responses[name]?.description ?? name }];
  });
}

/** One operation: method and path as the summary line; its fields, permission and answers when opened. */
export function OperationDetails({
  method,
  path,
  operation,
  document,
}: {
  method: string;
  path: string;
  operation: OpenApiOperation;
  document: OpenApiDocument;
}) {
  const fields = fieldsOf(operation);
  return (
    <details id={operation.operationId} className="group border-b border-slate-200 last:border-b-0">
      <summary className="flex cursor-pointer flex-wrap items-center gap-x-3 gap-y-1 px-5 py-3 hover:bg-slate-50 focus-visible:outline-offset-[-2px]">
        <Badge tone={METHOD_TONE[method] ?? "neutral"}>{method.toUpperCase()}</Badge>
        <code className="text-sm font-medium break-all text-slate-900">{path}</code>
        <span className="text-sm text-slate-600">{operation.summary}</span>
      </summary>
      <div className="grid gap-4 px-5 pb-5">
        <p className="text-sm text-slate-700">
          {operation.description} <span className="text-slate-500">Audited as</span>{" "}
          <code className="text-xs">{operation.operationId}</code>.
        </p>
        {fields.length > 0 ? (
          <StaticTable<Field>
            caption={`Fields of ${method.toUpperCase()} ${path}`}
            columns={FIELD_COLUMNS}
            rows={fields}
            rowKey={(field) => `${field.where}:${field.name}`}
            className="rounded-md border border-slate-200"
          />
        ) : (
          <p className="text-sm text-slate-600">No fields: send the request as it is.</p>
        )}
        <div className="grid gap-1 text-sm">
          <p className="font-medium text-slate-900">Answers</p>
          <ul className="grid gap-1 text-slate-700">
            <li>
              <code className="text-xs">200</code> the answer, as <code className="text-xs">{"{ data }"}</code>
            </li>
            {errorCodesOf(operation, document).map(({ status, text }) => (
              <li key={status}>
                <code className="text-xs">{status}</code> {text}
              </li>
            ))}
          </ul>
        </div>
      </div>
    </details>
  );
}
