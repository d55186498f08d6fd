import { UpcomingSection } from "@/components/console/UpcomingSection";
import { guardPage } from "@/lib/endpoint/page-guard";

export const metadata = { title: "Requests" };

export default async function Page() {
  await guardPage("access.request");
  return (
    <UpcomingSection
      title="Requests"
      icon="inbox"
      description="Ask for a privilege or a label, and follow your requests through approval."
      next="Request workflows arrive with the approvals work."
    />
  );
}
