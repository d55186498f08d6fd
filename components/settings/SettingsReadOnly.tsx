import { Badge } from "@/components/ui/Badge";
import { Card } from "@/components/ui/Card";
import { KeyValue } from "@/components/ui/KeyValue";
import type { ApprovalSettingsView } from "@/lib/services/requests/get-approval-settings";
import type { SecuritySettingsView } from "@/lib/services/settings/get-security-settings";

const onOff = (value: boolean) =>
  value ? (
    <Badge tone="success" dot>
      On
    </Badge>
  ) : (
    <Badge tone="neutral" dot>
      Off
    </Badge>
  );

/** The project's security configuration as an auditor reads it: every value, no control that changes one. */
export function SettingsReadOnly({
  settings,
  approvals,
}: {
  settings: SecuritySettingsView;
  approvals: ApprovalSettingsView | null;
}) {
  return (
    <div className="grid gap-6 xl:grid-cols-2">
      <Card title={`Security switches of ${settings.project}`} className="self-start">
        <KeyValue
          items={settings.switches.map((item) => ({
            label: item.setting,
            value: (
              <span className="grid gap-1">
                {onOff(item.value)}
                <span className="text-xs text-slate-600">{item.description}</span>
              </span>
            ),
          }))}
        />
      </Card>
      <div className="grid content-start gap-6">
        <Card title="ProjectProtection exception policy">
          {settings.exceptionPolicy.document === "" ? (
            <p className="text-sm text-slate-600">No exception policy.</p>
          ) : (
            <pre
              // Scrolls: focusable, so a keyboard reaches all of it.
              tabIndex={0}
              aria-label="Exception policy"
              className="max-h-96 overflow-auto rounded-md bg-slate-50 p-3 text-xs leading-relaxed text-slate-800"
            >
              {settings.exceptionPolicy.document}
            </pre>
          )}
        </Card>
        <Card title="Trusted projects">
          {settings.trustedProjects.names.length === 0 ? (
            <p className="text-sm text-slate-600">No trusted project.</p>
          ) : (
            <ul aria-label="Trusted projects" className="grid gap-1 text-sm">
              {settings.trustedProjects.names.map((name) => (
                <li key={name}>
                  <code>{name}</code>
                </li>
              ))}
            </ul>
          )}
        </Card>
        {approvals ? (
          <Card title="Access requests">
            <KeyValue
              items={[
                { label: "Approver roles", value: approvals.approverRoles.join(", ") },
                { label: "Approvals: privileges", value: approvals.requiredApprovals.ACL },
                { label: "Approvals: label grants", value: approvals.requiredApprovals.LABEL },
                { label: "Approvals: packages", value: approvals.requiredApprovals.PACKAGE },
                { label: "Approvals: roles", value: approvals.requiredApprovals.ROLE },
                { label: "Default days", value: approvals.defaultDays },
                { label: "Label grant days", value: approvals.labelDefaultDays },
                { label: "Maximum days", value: approvals.maxDays },
                { label: "Pending requests expire after", value: `${approvals.pendingExpiryDays} days` },
              ]}
            />
          </Card>
        ) : null}
      </div>
    </div>
  );
}
