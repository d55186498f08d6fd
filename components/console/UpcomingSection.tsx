import { Card } from "@/components/ui/Card";
import { EmptyState } from "@/components/ui/EmptyState";
import { PageHeader } from "@/components/ui/PageHeader";
import type { IconName } from "@/components/ui/icons";

/** A console section whose page is guarded and routed but whose tools are still being built. */
export function UpcomingSection({ title, description, icon, next }: { title: string; description: string; icon: IconName; next: string }) {
  return (
    <>
      <PageHeader title={title} description={description} />
      <Card>
        <EmptyState icon={icon} title={`${title} tools are on their way`}>
          {next}
        </EmptyState>
      </Card>
    </>
  );
}
