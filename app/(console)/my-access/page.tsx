import { UpcomingSection } from "@/components/console/UpcomingSection";
import { guardPage } from "@/lib/endpoint/page-guard";

export const metadata = { title: "My access" };

export default async function Page() {
  await guardPage("access.request");
  return (
    <UpcomingSection
      title="My access"
      icon="lock"
      description="What you may do in each project, and where each privilege comes from."
      next="Effective permissions arrive with the authorization core."
    />
  );
}
