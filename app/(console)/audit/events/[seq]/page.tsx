import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { ChangeDiff } from "@/components/audit/ChangeDiff";
import { Badge } from "@/components/ui/Badge";
import { Card } from "@/components/ui/Card";
import { KeyValue } from "@/components/ui/KeyValue";
import { PageHeader } from "@/components/ui/PageHeader";
import { guardPage } from "@/lib/endpoint/page-guard";
import { readPage } from "@/lib/endpoint/read-page";
import { getAuditEventEndpoint } from "@/lib/services/audit/get-audit-event";

export const metadata = { title: "Audit event" };

const RESULT_TONE = { SUCCESS: "success", DENIED: "danger", FAILED: "warn" } as const;

export default async function AuditEventPage({ params }: { params: Promise<{ seq: string }> }) {
  await guardPage("audit.read");
  const { seq } = await params;
  if (!/^[1-9]\d{0,18}$/.test(seq)) notFound();
  const read = await readPage(getAuditEventEndpoint, { seq });
  if (!read.ok) forbidden();
  const event = read.data;
  return (
    <>
      <PageHeader
        title={`Event ${event.seq}: ${event.action}`}
        description={`Recorded ${event.at.replace("T", " ").slice(0, 19)} UTC.`}
      />
      <p className="mb-4 text-sm">
        <Link href="/audit" className="text-accent-700 underline">
          ← Back to the audit log
        </Link>
      </p>
      <Card title="What happened" className="mb-6">
        <KeyValue
          columns={2}
          items={[
            { label: "Actor", value: <code className="text-xs">{event.actor}</code> },
            { label: "Actor type", value: event.actorType },
            { label: "Action", value: event.action },
            { label: "Result", value: <Badge tone={RESULT_TONE[event.result]}>{event.result}</Badge> },
            { label: "Project", value: event.project },
            {
              label: "Target",
              value: event.target ? `${event.target.type} ${event.target.name ?? event.target.id ?? ""}` : null,
            },
            { label: "Reason", value: event.reason },
            { label: "Source IP", value: event.sourceIp },
            { label: "User agent", value: event.userAgent },
            { label: "Request", value: event.requestId },
          ]}
        />
      </Card>
      <Card title="Before and after" className="mb-6">
        <ChangeDiff before={event.before} after={event.after} />
      </Card>
      <Card title="Chain">
        <KeyValue
          items={[
            { label: "Previous hash", value: <code className="text-xs break-all">{event.prevHash}</code> },
            { label: "Hash", value: <code className="text-xs break-all">{event.hash}</code> },
          ]}
        />
      </Card>
    </>
  );
}
