import { ConfirmDialog } from "@/components/ui/ConfirmDialog";
import type { CatalogType } from "@/lib/catalog/object-spec";
import type { CatalogAction } from "./catalog-action";

/** DROP, after typing the object's name: its grants go with it, as in MaxCompute. */
export function DropObjectDialog({
  action,
  project,
  type,
  name,
  grantCount,
}: {
  action: CatalogAction<{ name: string; removedGrants: number }>;
  project: string;
  type: CatalogType;
  name: string;
  grantCount: number;
}) {
  const kind = type.toLowerCase();
  return (
    <ConfirmDialog
      triggerLabel={
        <>
          Drop
          <span className="sr-only">
            {" "}
            {kind} {name}
          </span>
        </>
      }
      triggerSize="sm"
      title={`Drop ${kind} ${name}?`}
      confirmLabel={`Drop ${kind}`}
      requireTyping={name}
      action={action}
      fields={{ project, type, name }}
      successMessage={`${type} ${name} dropped`}
    >
      <p>
        The {kind} leaves {project}’s catalog
        {grantCount > 0 ? <>, with the {grantCount === 1 ? "grant" : `${grantCount} grants`} on it</> : null}, its label
        grants and its package entries. This cannot be undone; the audit log keeps what was removed.
      </p>
    </ConfirmDialog>
  );
}
