import Form from "next/form";
import { Button } from "@/components/ui/Button";
import { controlClasses } from "@/components/ui/field-styles";
import { NativeSelect } from "@/components/ui/Select";

type PermissionsFilterProps = {
  /** The page the GET form opens. */
  action: string;
  /** Context kept across submissions (project, view). */
  hidden: Record<string, string>;
  /** The user picker, for the administrators' view. */
  principals?: { options: { principal: string; label: string }[]; current: string };
  q: string;
};

/** Whose permissions, and which objects: a GET form, so every view can be linked to and works without JavaScript. */
export function PermissionsFilter({ action, hidden, principals, q }: PermissionsFilterProps) {
  return (
    <Form action={action} role="search" aria-label="Choose whose permissions to show" className="flex flex-wrap items-end gap-3">
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {principals ? (
        <label className="grid gap-1 text-xs font-medium text-slate-600">
          User
          <NativeSelect
            name="principal"
            required
            defaultValue={principals.current}
            placeholder="Choose a user…"
            options={principals.options.map((option) => ({ value: option.principal, label: option.label }))}
            className="min-w-72"
          />
        </label>
      ) : null}
      <label className="grid gap-1 text-xs font-medium text-slate-600">
        Object name
        <input type="search" name="q" defaultValue={q} maxLength={100} placeholder="Any object" className={controlClasses("h-9 min-w-48")} />
      </label>
      <Button type="submit" variant="primary">
        Show
      </Button>
    </Form>
  );
}
