import Form from "next/form";
import { NativeSelect } from "@/components/ui/Select";
import { Button } from "@/components/ui/Button";

/**
 * Chooses the project a project-scoped page works on, as `?project=<name>` in the URL (a GET form, so it
 * works without JavaScript and every view can be linked to). `view`, if given, is kept as `?view=`.
 */
export function ProjectPicker({
  projects,
  current,
  action,
  view,
}: {
  projects: string[];
  current: string;
  action: string;
  view?: string;
}) {
  return (
    <Form action={action} className="flex items-center gap-2">
      {view ? <input type="hidden" name="view" value={view} /> : null}
      <label htmlFor="project-picker" className="text-sm font-medium text-slate-700">
        Project
      </label>
      <NativeSelect
        id="project-picker"
        name="project"
        defaultValue={current}
        options={projects.map((name) => ({ value: name, label: name }))}
      />
      <Button type="submit" size="sm">
        Open
      </Button>
    </Form>
  );
}
