import { UpcomingSection } from "@/components/console/UpcomingSection";
import { guardPage } from "@/lib/endpoint/page-guard";

export const metadata = { title: "Grants" };

export default async function Page() {
  await guardPage("console.admin");
  return (
    <UpcomingSection
      title="Grants"
      icon="key"
      description="ACL grants: MaxCompute privileges on projects, tables, views, functions and resources."
      next="Grant and revoke arrive with the admin console."
    />
  );
}
