import { Card } from "@/components/ui/Card";
import { EmptyState } from "@/components/ui/EmptyState";
import { PageHeader } from "@/components/ui/PageHeader";

/** A project-administration page for someone who sees no project at all. */
export function NoProjectToManage({ title, description }: { title: string; description: string }) {
  return (
    <>
      <PageHeader title={title} description={description} />
      <Card>
        <EmptyState icon="folder" title="No projects yet">
          Projects you own, administer or belong to appear here. The account owner creates projects on the Projects
          page.
        </EmptyState>
      </Card>
    </>
  );
}

/** The chosen project is visible to the user, but they do not administer it: say why, and what to do. */
export function NotAdministered({ project, reason }: { project: string; reason: string }) {
  return (
    <Card>
      <EmptyState icon="lock" title={`You do not administer ${project}`}>
        {reason} Choose another project, or ask its owner for the Admin role.
      </EmptyState>
    </Card>
  );
}
