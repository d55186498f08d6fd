import { UpcomingSection } from "@/components/console/UpcomingSection";
import { guardPage } from "@/lib/endpoint/page-guard";

export const metadata = { title: "Settings" };

export default async function Page() {
  await guardPage("console.admin");
  return (
    <UpcomingSection
      title="Settings"
      icon="settings"
      description="Each project's security configuration: ACL, policy, creator rights, LabelSecurity, ProjectProtection."
      next="Security configuration arrives with the admin console."
    />
  );
}
