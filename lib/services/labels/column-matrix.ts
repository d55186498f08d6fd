import { z } from "zod";
import { booleanField } from "@/lib/shared/boolean-field";
import { decide, type Layer } from "@/lib/authz";
import { authorizeInspection } from "@/lib/authorize/authorize-administrator";
import { projectInScope } from "@/lib/authorize/project-scope";
import type { ServiceContext } from "@/lib/context/service-context";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import { requestContextOf } from "@/lib/authorize/request-principal";
import { paginationFields } from "@/lib/services/pagination";
import { projectField } from "@/lib/services/project-field";
import { labelledTypeField, objectNameField } from "./support/label-fields";
import { requireLabelledTarget } from "./support/labelled-object";

export const columnMatrixInput = z.object({
  project: projectField,
  objectType: labelledTypeField,
  objectName: objectNameField,
  /** Filters the members (rows) by name. */
  q: z.string().trim().max(200).optional(),
  /** Only the columns someone on the page cannot read (with one member: the columns that person cannot read). */
  // The filter form's select sends "" for "all columns".
  deniedOnly: z
    .literal("")
    .transform(() => false)
    .or(booleanField)
    .default(false),
  ...paginationFields(10, 50),
});

export interface MatrixCell {
  column: string;
  effect: "Allow" | "Deny";
  decidedBy: Layer;
  reason: string;
}

export interface ColumnMatrix {
  project: string;
  objectType: "Table" | "View";
  object: string;
  /** The columns shown, in table order. */
  columns: string[];
  /** This page of members (the matrix's rows). */
  items: { userId: string; name: string; cells: MatrixCell[]; denied: number }[];
  total: number;
  page: number;
  pageSize: number;
  deniedOnly: boolean;
}

/**
 * Members × columns of one table: whether each member may Select each column now, decided by the engine
 * (one column read per member), with the deciding layer and its reason. For the project's administrators.
 */
export async function columnMatrix(
  ctx: ServiceContext,
  input: z.output<typeof columnMatrixInput>,
): Promise<ColumnMatrix> {
  const project = await projectInScope(ctx, input.project);
  authorizeInspection(ctx, project, "see who may read each column");
  const target = requireLabelledTarget(project, input.objectType, input.objectName, []);
  const { index } = project;
  const q = input.q?.toLowerCase() ?? "";
  const members = index.users
    .filter((user) => user.isMember || user.int === index.project.ownerInt)
    .filter((user) => user.displayName.toLowerCase().includes(q))
    .sort((a, b) => a.displayName.localeCompare(b.displayName));
  const start = (input.page - 1) * input.pageSize;
  const context = requestContextOf(ctx);
  const rows = members.slice(start, start + input.pageSize).map((user) => {
    const decision = decide(index, {
      principal: { userId: user.id, accountId: user.accountId, kind: user.kind, disabled: user.disabled },
      project: index.project.name,
      action: "Select",
      object: { type: target.type, name: target.object.name },
      context,
    });
    const cells: MatrixCell[] = target.object.columns.map((column) => {
      const verdict = decision.columns.find((candidate) => candidate.column === column);
      return verdict
        ? { column, effect: verdict.effect, decidedBy: verdict.decidedBy, reason: verdict.text }
        : {
            column,
            effect: decision.effect,
            decidedBy: decision.decidedBy,
            reason: decision.steps.find((step) => step.layer === decision.decidedBy)?.text ?? "",
          };
    });
    return {
      userId: user.id,
      name: user.displayName,
      cells,
      denied: cells.filter((cell) => cell.effect === "Deny").length,
    };
  });
  const shown = input.deniedOnly
    ? target.object.columns.filter((column, i) => rows.some((row) => row.cells[i]!.effect === "Deny"))
    : [...target.object.columns];
  return {
    project: project.name,
    objectType: target.type,
    object: target.object.name,
    columns: shown,
    // A page of members (the matrix's rows) as every list pages: items, total, page, pageSize.
    items: rows.map((row) => ({ ...row, cells: row.cells.filter((cell) => shown.includes(cell.column)) })),
    total: members.length,
    page: input.page,
    pageSize: input.pageSize,
    deniedOnly: input.deniedOnly,
  };
}

export const columnMatrixEndpoint = defineEndpoint({
  name: "label.column-matrix",
  input: columnMatrixInput,
  permission: "project.inspect",
  run: columnMatrix,
});
