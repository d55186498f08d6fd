import { UpcomingSection } from "@/components/console/UpcomingSection";
import { guardPage } from "@/lib/endpoint/page-guard";

export const metadata = { title: "Members" };

export default async function Page() {
  await guardPage("console.admin");
  return (
    <UpcomingSection
      title="Members"
      icon="users"
      description="Who belongs to each project, and their LabelSecurity clearance."
      next="Until then, members are managed from the project's owner account."
    />
  );
}
