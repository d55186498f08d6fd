import { UpcomingSection } from "@/components/console/UpcomingSection";
import { guardPage } from "@/lib/endpoint/page-guard";

export const metadata = { title: "Labels" };

export default async function Page() {
  await guardPage("console.admin");
  return (
    <UpcomingSection
      title="Labels"
      icon="tag"
      description="LabelSecurity: clearances of users, labels of tables and columns, and label grants that expire."
      next="Label management arrives with the admin console."
    />
  );
}
