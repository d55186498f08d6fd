import { Card } from "@/components/ui/Card";
import { EmptyState } from "@/components/ui/EmptyState";
import { MainWithAside } from "@/components/ui/MainWithAside";
import { PageHeader } from "@/components/ui/PageHeader";
import { AddWhitelistEntryForm } from "@/components/whitelists/AddWhitelistEntryForm";
import { WhitelistEntryActions } from "@/components/whitelists/WhitelistEntryActions";
import { WhitelistTable } from "@/components/whitelists/WhitelistTable";
import { guardPage } from "@/lib/endpoint/page-guard";
import { readPage } from "@/lib/endpoint/read-page";
import { listSystemWhitelistEndpoint } from "@/lib/services/operator/list-system-whitelist";
import {
  addSystemWhitelistEntryAction,
  removeSystemWhitelistEntryAction,
  updateSystemWhitelistEntryAction,
} from "../actions";

export const metadata = { title: "System whitelist" };

const DESCRIPTION =
  "Every request to every project of every tenant must come from an address in this list (when it has entries), " +
  "and in the project's own. An empty list restricts nobody.";

/** The platform operator's system-level IP whitelist; tenants see it read-only on their Whitelists page. */
export default async function SystemWhitelistPage() {
  await guardPage("platform.operate");
  const read = await readPage(listSystemWhitelistEndpoint, {});
  // guardPage let only the platform operator in, whom the service admits: a refusal here is a bug, never a notice.
  if (!read.ok) throw new Error(read.error.message);
  const whitelist = read.data;
  const values = whitelist.entries.map((entry) => entry.value);
  const size =
    whitelist.entries.length === 0
      ? "The list is empty: every address may reach the platform."
      : `${whitelist.entries.length} of at most ${whitelist.limit} entries.`;
  return (
    <>
      <PageHeader title="System whitelist" description={DESCRIPTION} />
      <MainWithAside
        aside={
          <Card title="Add an entry" description="Takes effect on the next request, for everyone.">
            <AddWhitelistEntryForm
              action={addSystemWhitelistEntryAction}
              entries={values}
              sourceIp={whitelist.sourceIp}
            />
          </Card>
        }
      >
        <Card
          title="System whitelist"
          description={`Your address as the whitelist sees it: ${whitelist.sourceIp ?? "unknown"}. ${size}`}
          padded={false}
        >
          {whitelist.entries.length === 0 ? (
            <EmptyState icon="globe" title="No entries">
              Add an address, CIDR block or range to let only those addresses in.
            </EmptyState>
          ) : (
            <WhitelistTable
              caption="System whitelist entries"
              entries={whitelist.entries}
              actions={(entry) => (
                <WhitelistEntryActions
                  entry={entry}
                  entries={values}
                  sourceIp={whitelist.sourceIp}
                  updateAction={updateSystemWhitelistEntryAction}
                  removeAction={removeSystemWhitelistEntryAction}
                />
              )}
            />
          )}
        </Card>
      </MainWithAside>
    </>
  );
}
