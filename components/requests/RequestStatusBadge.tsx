import { Badge, type BadgeTone } from "@/components/ui/Badge";
import type { RequestView } from "@/lib/services/requests/support/request-view";

const STATUS: Record<RequestView["status"], { label: string; tone: BadgeTone }> = {
  PENDING: { label: "Pending", tone: "warn" },
  APPROVED: { label: "Approved", tone: "success" },
  REJECTED: { label: "Denied", tone: "danger" },
  WITHDRAWN: { label: "Withdrawn", tone: "neutral" },
  EXPIRED: { label: "Expired", tone: "neutral" },
};

export function RequestStatusBadge({ status }: { status: RequestView["status"] }) {
  const { label, tone } = STATUS[status];
  return (
    <Badge tone={tone} dot>
      {label}
    </Badge>
  );
}
