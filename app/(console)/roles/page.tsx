import { UpcomingSection } from "@/components/console/UpcomingSection";
import { guardPage } from "@/lib/endpoint/page-guard";

export const metadata = { title: "Roles" };

export default async function Page() {
  await guardPage("console.admin");
  return (
    <UpcomingSection
      title="Roles"
      icon="shield"
      description="Built-in Owner, Super_Administrator and Admin, and your custom roles."
      next="Role assignment arrives with the admin console."
    />
  );
}
