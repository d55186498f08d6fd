import Form from "next/form";
import { Button } from "@/components/ui/Button";
import { controlClasses } from "@/components/ui/field-styles";
import { SuggestInput } from "@/components/ui/SuggestInput";

type PermissionsFilterProps = {
  /** The page the GET form opens. */
  action: string;
  /** Context kept across submissions (project, view). */
  hidden: Record<string, string>;
  /** Whose permissions, for the effective-permissions view: administrators name anyone (with suggestions), everyone else sees only `self`. */
  principal?: { project: string; mayInspectOthers: boolean; self: string; current: string };
  q: string;
};

/** Whose permissions, and which objects: a GET form, so every view can be linked to and works without JavaScript. */
export function PermissionsFilter({ action, hidden, principal, q }: PermissionsFilterProps) {
  return (
    <Form
      action={action}
      role="search"
      aria-label="Choose whose permissions to show"
      className="flex flex-wrap items-end gap-3"
    >
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {principal ? (
        <label className="grid min-w-72 gap-1 text-xs font-medium text-slate-600">
          User
          {principal.mayInspectOthers ? (
            <SuggestInput
              name="principal"
              required
              placeholder="Email or principal name"
              project={principal.project}
              source={{ kind: "member" }}
              defaultValue={principal.current}
            />
          ) : (
            <input
              name="principal"
              readOnly
              value={principal.self}
              className={controlClasses("h-9 bg-slate-50 font-mono")}
            />
          )}
        </label>
      ) : null}
      <label className="grid gap-1 text-xs font-medium text-slate-600">
        Object name
        <input
          type="search"
          name="q"
          defaultValue={q}
          maxLength={100}
          placeholder="Any object"
          className={controlClasses("h-9 min-w-48")}
        />
      </label>
      <Button type="submit" variant="primary">
        Show
      </Button>
    </Form>
  );
}
