import { UpcomingSection } from "@/components/console/UpcomingSection";
import { guardPage } from "@/lib/endpoint/page-guard";

export const metadata = { title: "Whitelists" };

export default async function Page() {
  await guardPage("console.admin");
  return (
    <UpcomingSection
      title="Whitelists"
      icon="globe"
      description="System and project IP whitelists: addresses, CIDR blocks and ranges."
      next="Whitelist editing arrives with the admin console."
    />
  );
}
