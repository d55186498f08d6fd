import { UpcomingSection } from "@/components/console/UpcomingSection";
import { guardPage } from "@/lib/endpoint/page-guard";

export const metadata = { title: "Policies" };

export default async function Page() {
  await guardPage("console.admin");
  return (
    <UpcomingSection
      title="Policies"
      icon="file-text"
      description="Project and role policies: JSON statements with Allow/Deny, wildcards and conditions."
      next="The policy editor with dry run arrives with the admin console."
    />
  );
}
